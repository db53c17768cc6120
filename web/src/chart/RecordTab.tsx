// The Record tab: demographics and contacts (a form for admin, prescriber, nurse and
// front desk; facts for the others), pregnancy and breastfeeding as the history
// records them, weight and height, allergies, and baseline tests (added by admin,
// prescriber and nurse).
import type { ApiClient, PatientRecord } from '../api';
import { AllergiesSection } from './AllergiesSection';
import { BaselineTestsSection } from './BaselineTestsSection';
import { DemographicsFacts } from './DemographicsFacts';
import { DemographicsForm } from './DemographicsForm';
import { MeasurementsSection } from './MeasurementsSection';
import { PregnancyStatus } from './PregnancyStatus';
import type { ChartData, EntryList } from './use_patient_chart';

interface RecordTabProps {
  api: ApiClient;
  patientId: string;
  data: ChartData;
  /** Offer the demographics form (patients.write). */
  canEditDemographics: boolean;
  /** Offer adding measurements, allergies and baseline tests (history.write). */
  canEditClinical: boolean;
  /** The server returned the changed record. */
  onRecordSaved: (record: PatientRecord) => Promise<void>;
  /** An entry was added to `list` or marked entered in error: read it again. */
  onEntryAdded: (list: EntryList) => Promise<void>;
}

export function RecordTab({ api, patientId, data, canEditDemographics, canEditClinical, onRecordSaved, onEntryAdded }: RecordTabProps) {
  const added = (list: EntryList) => async (change: Promise<unknown>) => {
    await change;
    await onEntryAdded(list);
  };
  return (
    <div class="page-columns record-columns">
      {canEditDemographics ? (
        <DemographicsForm record={data.patient} onSave={async (change) => onRecordSaved(await api.updateDemographics(patientId, change))} />
      ) : (
        <DemographicsFacts record={data.patient} />
      )}
      <div>
        <PregnancyStatus history={data.history} />
        <AllergiesSection
          allergies={data.allergies}
          history={data.history}
          canEdit={canEditClinical}
          onAdd={(allergy) => added('allergies')(api.addAllergy(patientId, allergy))}
          onMarkError={(a, reason) => added('allergies')(api.markEnteredInError(patientId, 'allergies', a.id, reason))}
        />
        <MeasurementsSection
          measurements={data.measurements}
          canEdit={canEditClinical}
          onAdd={(m) => added('measurements')(api.addMeasurement(patientId, m))}
          onMarkError={(m, reason) => added('measurements')(api.markEnteredInError(patientId, 'measurements', m.id, reason))}
        />
        <BaselineTestsSection
          tests={data.baselineTests}
          canEdit={canEditClinical}
          onAdd={(test) => added('baselineTests')(api.addBaselineTest(patientId, test))}
          onMarkError={(t, reason) => added('baselineTests')(api.markEnteredInError(patientId, 'baseline-tests', t.id, reason))}
        />
      </div>
    </div>
  );
}
