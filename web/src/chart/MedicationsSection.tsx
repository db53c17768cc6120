// Medications: what the patient takes now, then what was stopped. Editors may add
// one, stop one, or mark one entered in error (kept last, struck through, and no
// longer a flag); an interacting class shows as a safety flag in the header.
import { useState } from 'preact/hooks';
import type { Medication, MedicationClass, NewMedication } from '../api';
import { formatDate } from '../ui/format';
import { AddMedicationForm } from './AddMedicationForm';
import { EnteredInErrorButton, EnteredInErrorNote, Struck, isValidEntry, useEnteredInError } from './EnteredInError';
import { StopMedicationDialog } from './StopMedicationDialog';
import { medicationClassLabel } from './history_rules';

interface MedicationsSectionProps {
  medications: readonly Medication[];
  classes: readonly MedicationClass[];
  canEdit: boolean;
  onAdd: (medication: NewMedication) => Promise<void>;
  onStop: (medication: Medication) => Promise<void>;
  /** Marks it entered in error; throws ApiError. */
  onMarkError: (medication: Medication, reason: string) => Promise<void>;
}

export function MedicationsSection({ medications, classes, canEdit, onAdd, onStop, onMarkError }: MedicationsSectionProps) {
  const [stopping, setStopping] = useState<Medication | null>(null);
  const marking = useEnteredInError((m: Medication) => m.name, onMarkError);
  const valid = medications.filter(isValidEntry);
  const rows = [...valid.filter((m) => m.stopped_at === null), ...valid.filter((m) => m.stopped_at !== null), ...medications.filter((m) => !isValidEntry(m))];
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
                <tr key={m.id} class={m.entered_in_error ? 'entered-in-error' : m.stopped_at === null ? undefined : 'stopped'}>
                  <th scope="row">
                    <Struck entry={m}>{m.name}</Struck>
                  </th>
                  <td>{m.class === 'none' || m.entered_in_error ? medicationClassLabel(m.class) : <span class="badge badge-danger">{medicationClassLabel(m.class)}</span>}</td>
                  <td>
                    <Struck entry={m}>{m.dose}</Struck>
                  </td>
                  <td class="since">
                    {m.entered_in_error ? (
                      <EnteredInErrorNote mark={m.entered_in_error} />
                    ) : m.stopped_at === null ? (
                      `Since ${formatDate(m.started_at)}`
                    ) : (
                      `Stopped ${formatDate(m.stopped_at)}`
                    )}
                  </td>
                  {canEdit && (
                    <td>
                      {m.stopped_at === null && !m.entered_in_error && (
                        <button type="button" class="secondary small-button" onClick={() => setStopping(m)}>
                          Stop<span class="visually-hidden"> {m.name}</span>
                        </button>
                      )}
                      {!m.entered_in_error && <EnteredInErrorButton what={m.name} onClick={() => marking.open(m)} />}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && <AddMedicationForm classes={classes} onAdd={onAdd} />}
      {marking.dialog}
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
