// Prior treatment trials (drug, dose, weeks, response): they document treatment
// resistance for the screening. Editors may add one.
import { TRIAL_RESPONSE_LABELS } from './history_rules';
import type { NewTreatmentTrial, TreatmentTrial } from '../api';
import { AddTrialForm } from './AddTrialForm';
import { EnteredInErrorButton, EnteredInErrorNote, Struck, useEnteredInError, validFirst } from './EnteredInError';

interface TrialsSectionProps {
  trials: readonly TreatmentTrial[];
  canEdit: boolean;
  onAdd: (trial: NewTreatmentTrial) => Promise<void>;
  /** Marks it entered in error; throws ApiError. */
  onMarkError: (trial: TreatmentTrial, reason: string) => Promise<void>;
}

export function TrialsSection({ trials, canEdit, onAdd, onMarkError }: TrialsSectionProps) {
  const marking = useEnteredInError((t: TreatmentTrial) => `the trial of ${t.drug}`, onMarkError);
  return (
    <section class="panel" aria-labelledby="trials-heading">
      <h2 id="trials-heading">Prior treatment trials</h2>
      {trials.length === 0 ? (
        <p class="muted">No trials recorded.</p>
      ) : (
        <div class="table-scroll">
          <table class="chart-table">
            <thead>
              <tr>
                <th scope="col">Drug</th>
                <th scope="col">Dose</th>
                <th scope="col">Weeks</th>
                <th scope="col">Response</th>
                <th scope="col">
                  <span class="visually-hidden">Correction</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {validFirst(trials).map((t) => (
                <tr key={t.id} class={t.entered_in_error ? 'entered-in-error' : undefined}>
                  <th scope="row">
                    <Struck entry={t}>{t.drug}</Struck>
                  </th>
                  <td>
                    <Struck entry={t}>{t.dose}</Struck>
                  </td>
                  <td>
                    <Struck entry={t}>{t.weeks}</Struck>
                  </td>
                  <td>
                    <Struck entry={t}>{TRIAL_RESPONSE_LABELS[t.response]}</Struck>
                  </td>
                  <td>
                    {t.entered_in_error && <EnteredInErrorNote mark={t.entered_in_error} />}
                    {canEdit && !t.entered_in_error && <EnteredInErrorButton what={t.drug} onClick={() => marking.open(t)} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && <AddTrialForm onAdd={onAdd} />}
      {marking.dialog}
    </section>
  );
}
