// The Spravato REMS forms not yet submitted (/rems-forms): each esketamine session's
// form is due within 7 days; overdue ones come first, marked in words. Each row opens
// the form for review, printing and "Mark submitted".
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, PendingRemsForm } from '../api';
import { sessionPath } from '../navigation';
import { Link } from '../router';
import { problemFrom } from '../ui/form_problem';
import { sortPending } from './rems_rules';

export function RemsFormsPage({ api }: { api: ApiClient }) {
  const [items, setItems] = useState<PendingRemsForm[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    api.listPendingRemsForms().then(
      (list) => current && setItems(sortPending(list)),
      (e: unknown) => current && setError(problemFrom(e).message),
    );
    return () => {
      current = false;
    };
  }, [api]);
  return (
    <div class="page">
      <h1>Spravato REMS forms</h1>
      <p class="muted">Patient monitoring forms not yet submitted. Each is due within 7 days of the session.</p>
      {error && (
        <p class="form-error" role="alert">
          The forms could not be loaded: {error}
        </p>
      )}
      {!items && !error && (
        <p role="status" class="muted">
          Loading the forms…
        </p>
      )}
      {items && items.length === 0 && <p class="list-status">Every form is submitted.</p>}
      {items && items.length > 0 && (
        <table class="chart-table rems-pending">
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Session</th>
              <th scope="col">Due by</th>
              <th scope="col">Form</th>
            </tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <tr key={f.session_id} class={f.overdue ? 'rems-overdue' : undefined}>
                <th scope="row">{f.patient.display_name}</th>
                <td>{f.date}</td>
                <td>
                  {f.due_on} {f.overdue && <span class="badge badge-danger">Overdue</span>}
                </td>
                <td>
                  <Link href={sessionPath(f.session_id, 'rems-form')}>Review the form</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
