// Medications: what the patient takes now, then what was stopped. Editors may add
// one and stop one; an interacting class shows as a safety flag in the header.
import { useState } from 'preact/hooks';
import type { Medication, MedicationClass, NewMedication } from '../api';
import { formatDate } from '../ui/format';
import { AddMedicationForm } from './AddMedicationForm';
import { StopMedicationDialog } from './StopMedicationDialog';
import { medicationClassLabel } from './history_rules';

interface MedicationsSectionProps {
  medications: readonly Medication[];
  classes: readonly MedicationClass[];
  canEdit: boolean;
  onAdd: (medication: NewMedication) => Promise<void>;
  onStop: (medication: Medication) => Promise<void>;
}

export function MedicationsSection({ medications, classes, canEdit, onAdd, onStop }: MedicationsSectionProps) {
  const [stopping, setStopping] = useState<Medication | null>(null);
  const rows = [...medications.filter((m) => m.stopped_at === null), ...medications.filter((m) => m.stopped_at !== null)];
  return (
    <section class="panel" aria-labelledby="medications-heading">
      <h2 id="medications-heading">Medications</h2>
      {rows.length === 0 ? (
        <p class="muted">No medications recorded.</p>
      ) : (
        <div class="table-scroll">
          <table class="chart-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Class</th>
                <th scope="col">Dose</th>
                <th scope="col">Status</th>
                {canEdit && (
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} class={m.stopped_at === null ? undefined : 'stopped'}>
                  <th scope="row">{m.name}</th>
                  <td>{m.class === 'none' ? medicationClassLabel(m.class) : <span class="badge badge-danger">{medicationClassLabel(m.class)}</span>}</td>
                  <td>{m.dose}</td>
                  <td class="since">{m.stopped_at === null ? `Since ${formatDate(m.started_at)}` : `Stopped ${formatDate(m.stopped_at)}`}</td>
                  {canEdit && (
                    <td>
                      {m.stopped_at === null && (
                        <button type="button" class="secondary small-button" onClick={() => setStopping(m)}>
                          Stop<span class="visually-hidden"> {m.name}</span>
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && <AddMedicationForm classes={classes} onAdd={onAdd} />}
      {stopping && (
        <StopMedicationDialog
          medication={stopping}
          onStop={async () => {
            await onStop(stopping);
            setStopping(null);
          }}
          onCancel={() => setStopping(null)}
        />
      )}
    </section>
  );
}
