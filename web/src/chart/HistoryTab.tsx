// The History tab: the questions the screening reads, medications, diagnoses and
// prior trials. Editors (admin, prescriber, nurse) get the controls; the other
// roles read. After every change the chart reads the history and screening again.
import type { ApiClient, PatientHistory } from '../api';
import { DiagnosesSection } from './DiagnosesSection';
import { HistoryAnswersList } from './HistoryAnswersList';
import { HistoryQuestionsForm } from './HistoryQuestionsForm';
import { MedicationsSection } from './MedicationsSection';
import { TrialsSection } from './TrialsSection';

interface HistoryTabProps {
  api: ApiClient;
  patientId: string;
  history: PatientHistory;
  canEdit: boolean;
  /** Something changed: read the history and the screening again (`saved`: the history the server returned). */
  onChanged: (saved?: PatientHistory) => Promise<void>;
}

export function HistoryTab({ api, patientId, history, canEdit, onChanged }: HistoryTabProps) {
  const then = async (change: Promise<unknown>) => {
    await change;
    await onChanged();
  };
  return (
    <div class="page-columns history-columns">
      {canEdit ? (
        <HistoryQuestionsForm history={history} onSave={async (answers) => onChanged(await api.saveHistoryAnswers(patientId, answers))} />
      ) : (
        <HistoryAnswersList history={history} />
      )}
      <div>
        <MedicationsSection
          medications={history.medications}
          classes={history.medication_classes}
          canEdit={canEdit}
          onAdd={(medication) => then(api.addMedication(patientId, medication))}
          onMarkError={(m, reason) => then(api.markEnteredInError(patientId, 'medications', m.id, reason))}
          onStop={async (medication) => {
            try {
              await api.stopMedication(patientId, medication.id);
            } finally {
              await onChanged(); // also after a refusal (409: someone stopped it meanwhile)
            }
          }}
        />
        <DiagnosesSection
          diagnoses={history.diagnoses}
          choices={history.diagnosis_choices}
          canEdit={canEdit}
          onAdd={(code) => then(api.addDiagnosis(patientId, code))}
          onMarkError={(d, reason) => then(api.markEnteredInError(patientId, 'diagnoses', d.id, reason))}
        />
        <TrialsSection
          trials={history.trials}
          canEdit={canEdit}
          onAdd={(trial) => then(api.addTreatmentTrial(patientId, trial))}
          onMarkError={(t, reason) => then(api.markEnteredInError(patientId, 'trials', t.id, reason))}
        />
      </div>
    </div>
  );
}
