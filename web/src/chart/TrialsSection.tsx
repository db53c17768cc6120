// Prior treatment trials (drug, dose, weeks, response): they document treatment
// resistance for the screening. Editors may add one.
import { TRIAL_RESPONSE_LABELS } from './history_rules';
import type { NewTreatmentTrial, TreatmentTrial } from '../api';
import { AddTrialForm } from './AddTrialForm';

interface TrialsSectionProps {
  trials: readonly TreatmentTrial[];
  canEdit: boolean;
  onAdd: (trial: NewTreatmentTrial) => Promise<void>;
}

export function TrialsSection({ trials, canEdit, onAdd }: TrialsSectionProps) {
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
              </tr>
            </thead>
            <tbody>
              {trials.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.drug}</th>
                  <td>{t.dose}</td>
                  <td>{t.weeks}</td>
                  <td>{TRIAL_RESPONSE_LABELS[t.response]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && <AddTrialForm onAdd={onAdd} />}
    </section>
  );
}
