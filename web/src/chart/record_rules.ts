// What the chart derives from the rest of the patient record: labels, how a
// measurement reads, the demographics form's draft and what it changed, the checks
// made before sending, and the record's safety flags for the header. The server
// checks everything again; these checks only save a round trip.
import type { Allergy, BaselineTestKind, DemographicsChange, Measurement, MeasurementKind, PatientHistory, PatientRecord, SexAtBirth } from '../api';
import type { FormProblem } from '../ui/form_problem';
import { formatDate } from '../ui/format';
import { ageOn } from './history_rules';

export const SEX_AT_BIRTH_LABELS: Record<SexAtBirth, string> = { female: 'Female', male: 'Male', intersex: 'Intersex', unknown: 'Unknown' };
export const BASELINE_TEST_LABELS: Record<BaselineTestKind, string> = { ecg: 'ECG', liver: 'Liver tests', renal: 'Renal tests' };
export const MEASUREMENT_LABELS: Record<MeasurementKind, string> = { weight: 'Weight', height: 'Height' };

/** Clinical reference §4: under 18 needs a guardian. */
export const ADULT_AGE_YEARS = 18;

/**
 * The server's input sanity limits (inclusive): not clinical thresholds, they catch
 * typing errors such as a weight in pounds or a height in metres.
 */
export const MEASUREMENT_LIMITS: Record<MeasurementKind, { field: 'weight_kg' | 'height_cm'; min: number; max: number; unit: string }> = {
  weight: { field: 'weight_kg', min: 2, max: 400, unit: 'kg' },
  height: { field: 'height_cm', min: 40, max: 250, unit: 'cm' },
};

/** The number typed for a measurement of `kind`, or the problem with it. */
export function measurementValue(kind: MeasurementKind, text: string): number | FormProblem {
  const { field, min, max, unit } = MEASUREMENT_LIMITS[kind];
  const value = Number(text.trim().replace(',', '.'));
  if (!text.trim() || !Number.isFinite(value) || value < min || value > max) {
    return { field, message: `Enter the ${kind} in ${unit}, from ${min} to ${max}.` };
  }
  return value;
}

/** "72.5 kg" or "170 cm". */
export function measurementText(m: Measurement): string {
  return m.kind === 'weight' ? `${m.weight_kg} kg` : `${m.height_cm} cm`;
}

/** The newest measurement of `kind` in a list that is newest first. */
export function latestMeasurement(measurements: readonly Measurement[], kind: MeasurementKind): Measurement | undefined {
  return measurements.find((m) => m.kind === kind && !m.entered_in_error);
}

export function isMinor(dateOfBirth: string, today: string): boolean {
  const age = ageOn(dateOfBirth, today);
  return age !== undefined && age < ADULT_AGE_YEARS;
}

/** Every field the demographics form edits, in the order it shows them. */
export const DEMOGRAPHICS_FORM_FIELDS = [
  'given_name', 'family_name', 'date_of_birth', 'preferred_name', 'sex_at_birth', 'gender_identity', 'phone', 'email',
  'emergency_contact_name', 'emergency_contact_relationship', 'emergency_contact_phone', 'escort_name', 'escort_phone',
  'referrer', 'guardian_name', 'guardian_relationship', 'guardian_phone',
] as const;
export type DemographicsFormField = (typeof DEMOGRAPHICS_FORM_FIELDS)[number];
export type DemographicsDraft = Record<DemographicsFormField, string>;

/** The form's starting values: the record as stored ("" for a sex at birth not recorded yet). */
export function draftOf(record: PatientRecord): DemographicsDraft {
  const draft = {} as DemographicsDraft;
  for (const field of DEMOGRAPHICS_FORM_FIELDS) draft[field] = record[field] ?? '';
  return draft;
}

/** The fields whose trimmed value differs from the record: what Save sends. */
export function changedDemographics(record: PatientRecord, draft: DemographicsDraft): DemographicsChange {
  const saved = draftOf(record);
  const changed: Record<string, string> = {};
  for (const field of DEMOGRAPHICS_FORM_FIELDS) {
    const value = draft[field].trim();
    if (value !== saved[field]) changed[field] = value;
  }
  return changed;
}

/** The first problem the form can see before sending, or null. */
export function checkDemographics(draft: DemographicsDraft, today: string): FormProblem | null {
  if (!draft.given_name.trim()) return { field: 'given_name', message: 'Enter the given name.' };
  if (!draft.family_name.trim()) return { field: 'family_name', message: 'Enter the family name.' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date_of_birth)) return { field: 'date_of_birth', message: 'Enter the date of birth.' };
  if (!draft.sex_at_birth) return { field: 'sex_at_birth', message: 'Choose the sex at birth, or Unknown.' };
  if (isMinor(draft.date_of_birth, today)) {
    const missing = (['guardian_name', 'guardian_relationship', 'guardian_phone'] as const).find((f) => !draft[f].trim());
    if (missing) return { field: missing, message: 'A patient under 18 needs a guardian: enter the guardian’s name, relationship and phone.' };
  }
  return null;
}

export interface SafetyFlag {
  text: string;
  tone: 'danger' | 'warn';
}

/**
 * The record's flags for the chart header: every allergy; the history's ketamine
 * hypersensitivity (shown beside any allergy, never merged with it); pregnancy and
 * breastfeeding with the date they were recorded; a minor with no guardian.
 */
export function recordFlags(patient: PatientRecord, history: Pick<PatientHistory, 'answers'>, allergies: readonly Allergy[], today: string): SafetyFlag[] {
  const flags: SafetyFlag[] = allergies.filter((a) => !a.entered_in_error).map((a) => ({ text: `Allergy: ${a.substance}`, tone: 'danger' }));
  const yes = (question: string) => history.answers.find((a) => a.question === question && a.answer === 'yes');
  if (yes('ketamine_hypersensitivity')) flags.push({ text: 'Ketamine hypersensitivity (history)', tone: 'danger' });
  for (const [question, label] of [['pregnant', 'Pregnant'], ['breastfeeding', 'Breastfeeding']] as const) {
    const answer = yes(question);
    if (answer) flags.push({ text: `${label} (recorded ${formatDate(answer.recorded_at)})`, tone: 'warn' });
  }
  if (isMinor(patient.date_of_birth, today) && !patient.guardian_name) flags.push({ text: 'Under 18: no guardian recorded', tone: 'warn' });
  return flags;
}
