// What the chart derives from a patient's documented history: age, the answers as
// they stand, which answers a form changed, and the safety flags in the header.
// "Unknown" is a real answer and never counts as "no".
import { MEDICATION_CLASSES, type HistoryAnswer, type Medication, type MedicationClass, type PatientHistory, type TrialResponse } from '../api';

export const ANSWER_LABELS: Record<HistoryAnswer, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' };

const MEDICATION_CLASS_LABELS: Record<MedicationClass, string> = {
  none: 'None (does not interact)',
  benzodiazepine: 'Benzodiazepine',
  non_benzodiazepine_sedative_hypnotic: 'Non-benzodiazepine sedative-hypnotic (Z-drug)',
  psychostimulant: 'Psychostimulant',
  maoi: 'MAOI',
  opioid: 'Opioid',
};

/** A class's label; a class this page does not know yet shows as the server sent it. */
export function medicationClassLabel(value: string): string {
  const labels: Partial<Record<string, string>> = MEDICATION_CLASS_LABELS;
  return labels[value] ?? value;
}

export const TRIAL_RESPONSE_LABELS: Record<TrialResponse, string> = {
  none: 'No response',
  partial: 'Partial response',
  full: 'Full response',
  not_tolerated: 'Not tolerated',
};

/**
 * Age in whole years on `today` (both YYYY-MM-DD), or undefined for a date that
 * cannot be read or lies in the future. The age goes up on the birthday; someone
 * born on 29 February turns a year older on 1 March in other years.
 */
export function ageOn(dateOfBirth: string, today: string): number | undefined {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const now = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!birth || !now) return undefined;
  const [by, bm, bd] = birth.slice(1).map(Number) as [number, number, number];
  const [ty, tm, td] = now.slice(1).map(Number) as [number, number, number];
  const beforeBirthday = tm < bm || (tm === bm && td < bd);
  const age = ty - by - (beforeBirthday ? 1 : 0);
  return age < 0 ? undefined : age;
}

export type Answers = Readonly<Record<string, HistoryAnswer>>;

/** Every question's current answer; a question nobody has answered is "unknown". */
export function currentAnswers(history: Pick<PatientHistory, 'questions' | 'answers'>): Record<string, HistoryAnswer> {
  const answers: Record<string, HistoryAnswer> = {};
  for (const question of history.questions) answers[question.code] = 'unknown';
  for (const recorded of history.answers) answers[recorded.question] = recorded.answer;
  return answers;
}

/** The answers in `edited` that differ from `saved`: what Save sends. */
export function changedAnswers(saved: Answers, edited: Answers): Record<string, HistoryAnswer> {
  const changed: Record<string, HistoryAnswer> = {};
  for (const [code, answer] of Object.entries(edited)) {
    if ((saved[code] ?? 'unknown') !== answer) changed[code] = answer;
  }
  return changed;
}

/** True while any question is unanswered or answered "unknown". */
export function historyIncomplete(history: Pick<PatientHistory, 'questions' | 'answers'>): boolean {
  return Object.values(currentAnswers(history)).some((answer) => answer === 'unknown');
}

/** Medications the patient still takes (not those entered in error). */
export function currentMedications(medications: readonly Medication[]): Medication[] {
  return medications.filter((m) => m.stopped_at === null && !m.entered_in_error);
}

/** The interacting classes among current medications, each once, in a fixed order. */
export function interactingClasses(medications: readonly Medication[]): MedicationClass[] {
  const current = new Set(currentMedications(medications).map((m) => m.class));
  return MEDICATION_CLASSES.filter((c) => c !== 'none' && current.has(c));
}
