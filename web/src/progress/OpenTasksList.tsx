// The patient's open tasks on the Progress tab (relapse, bladder symptoms, suicide
// risk): what raised them and when; they are acknowledged in the inbox.
import type { PatientOpenTask } from '../api';
import { TASK_KIND_LABELS } from '../inbox/task_rules';
import { Link } from '../router';
import { formatDateTime } from '../ui/format';

export function OpenTasksList({ tasks }: { tasks: readonly PatientOpenTask[] }) {
  return (
    <section class="panel" aria-labelledby="open-tasks-heading">
      <h2 id="open-tasks-heading">Open tasks</h2>
      {tasks.length === 0 ? (
        <p class="muted">No open tasks for this patient.</p>
      ) : (
        <>
          <ul class="task-list patient-tasks">
            {tasks.map((t) => (
              <li key={t.id} class="task-card is-open">
                <p class="check-in-head">
                  <span class={t.kind === 'suicide_risk' ? 'badge badge-danger' : 'badge badge-warn'}>{TASK_KIND_LABELS[t.kind]}</span> raised{' '}
                  <time dateTime={t.created_at}>{formatDateTime(t.created_at).slice(0, 16)}</time>
                </p>
                <ul class="task-reasons">
                  {t.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/inbox">Acknowledge tasks in the inbox</Link>
          </p>
        </>
      )}
    </section>
  );
}
