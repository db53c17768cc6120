// The checks made before a waiting-list form is sent ("Add person", the public
// join form, and the program forms), so people see every problem at once, and
// where a refused submit's message goes. The server checks the same things; the
// name and contact rules are the enquiry form's (the server shares them).
import { ApiError, type ContactMethod, type HistoryAnswer, type WaitingListJoin, type WaitingPerson } from '../api';
import { checkDetails, EMPTY_DETAILS, submitProblem as enquirySubmitProblem, trimmedDetails } from '../enquiries/enquiry_form';
import { problemFrom } from '../ui/form_problem';

/** A person's answers while the form is filled in: "" means not answered yet. */
export interface PersonDraft {
  given_name: string;
  family_name: string;
  email: string;
  phone: string;
  preferred_contact: ContactMethod | '';
  pregnant: HistoryAnswer | '';
  substance_use: HistoryAnswer | '';
  high_blood_pressure: HistoryAnswer | '';
  /** As typed; "" when not given. */
  age_years: string;
}

export const EMPTY_PERSON: PersonDraft = {
  given_name: '',
  family_name: '',
  email: '',
  phone: '',
  preferred_contact: '',
  pregnant: '',
  substance_use: '',
  high_blood_pressure: '',
  age_years: '',
};

/** Every field of the forms, in the order they show them (focus goes to the first with an error); also the inputs' names. */
export const JOIN_FIELDS = [
  'program_id',
  'given_name',
  'family_name',
  'email',
  'phone',
  'preferred_contact',
  'prescreen.pregnant',
  'prescreen.substance_use',
  'prescreen.high_blood_pressure',
  'age_years',
  'consent_to_contact',
] as const;
export type JoinField = (typeof JOIN_FIELDS)[number];
export type PersonErrors = Partial<Record<JoinField, string>>;
export const PERSON_FIELDS: readonly JoinField[] = JOIN_FIELDS.filter((f) => f !== 'program_id' && f !== 'consent_to_contact');

/** The server's range for an age, in whole years. */
export const MIN_AGE = 0;
export const MAX_AGE = 120;

function checkAge(text: string): string | undefined {
  if (text === '') return undefined;
  const age = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(age) && age >= MIN_AGE && age <= MAX_AGE ? undefined : `Enter the age in whole years, from ${MIN_AGE} to ${MAX_AGE}, or leave it empty.`;
}

/** The draft with surrounding spaces removed from every text field. */
export function trimmedPerson(draft: PersonDraft): PersonDraft {
  const t = trimmedDetails({ ...EMPTY_DETAILS, ...draft, preferred_contact: draft.preferred_contact });
  return { ...draft, given_name: t.given_name, family_name: t.family_name, email: t.email, phone: t.phone, age_years: draft.age_years.trim() };
}

/** Problems with a trimmed draft, by field; empty when it may be sent. */
export function checkPerson(draft: PersonDraft, unansweredMessage = 'Choose yes, no or unknown.'): PersonErrors {
  const contact = checkDetails({ ...EMPTY_DETAILS, ...draft, preferred_contact: draft.preferred_contact });
  const errors: PersonErrors = {};
  for (const field of ['given_name', 'family_name', 'email', 'phone', 'preferred_contact'] as const) {
    if (contact[field] !== undefined) errors[field] = contact[field];
  }
  if (!draft.pregnant) errors['prescreen.pregnant'] = unansweredMessage;
  if (!draft.substance_use) errors['prescreen.substance_use'] = unansweredMessage;
  if (!draft.high_blood_pressure) errors['prescreen.high_blood_pressure'] = unansweredMessage;
  const age = checkAge(draft.age_years);
  if (age) errors.age_years = age;
  return errors;
}

/** The public form's checks: the person, a chosen list, and consent. */
export function checkJoin(draft: PersonDraft, programId: string, consent: boolean): PersonErrors {
  const errors = checkPerson(draft, 'Choose yes, no or not sure.');
  if (!programId) errors.program_id = 'Choose the waiting list you would like to join.';
  if (!consent) errors.consent_to_contact = 'Tick the box to agree to be contacted: we can only offer you a place if you agree.';
  return errors;
}

/** The body for the server, from a draft that passed checkPerson. */
export function personFrom(draft: PersonDraft): WaitingPerson {
  const answer = (a: HistoryAnswer | '') => a || 'unknown';
  return {
    given_name: draft.given_name,
    family_name: draft.family_name,
    email: draft.email,
    phone: draft.phone,
    preferred_contact: draft.preferred_contact || 'email',
    prescreen: { pregnant: answer(draft.pregnant), substance_use: answer(draft.substance_use), high_blood_pressure: answer(draft.high_blood_pressure) },
    age_years: draft.age_years === '' ? null : Number(draft.age_years),
  };
}

export function joinFrom(draft: PersonDraft, consent: boolean, website: string): WaitingListJoin {
  return { ...personFrom(draft), consent_to_contact: consent, website };
}

const CONTACT_FIELDS: readonly JoinField[] = ['email', 'phone', 'preferred_contact'];

/** The errors still worth showing after a change to `changed` (the contact fields go together). */
export function errorsAfterChange(errors: PersonErrors, changed: readonly JoinField[]): PersonErrors {
  const cleared = new Set<JoinField>(changed);
  if (changed.some((field) => CONTACT_FIELDS.includes(field))) for (const field of CONTACT_FIELDS) cleared.add(field);
  const kept: PersonErrors = {};
  for (const field of JOIN_FIELDS) {
    const message = errors[field];
    if (message !== undefined && !cleared.has(field)) kept[field] = message;
  }
  return kept;
}

export function firstErrorField(errors: PersonErrors): JoinField | undefined {
  return JOIN_FIELDS.find((field) => errors[field] !== undefined);
}

/** The form's field for a field the server named: "prescreen.pregnant" or just "pregnant". */
function formField(serverField: string | undefined, fields: readonly JoinField[]): JoinField | undefined {
  if (!serverField) return undefined;
  return fields.find((f) => f === serverField || f === `prescreen.${serverField}`);
}

/** Where a refused submit's message goes: next to the named field if the form has it, else above the button (429 in words). */
export function submitProblem(error: unknown, fields: readonly JoinField[]): { errors: PersonErrors; general: string } {
  if (error instanceof ApiError && error.status === 429) return { errors: {}, general: enquirySubmitProblem(error, []).general };
  const problem = problemFrom(error);
  const field = formField(problem.field, fields);
  return field ? { errors: { [field]: problem.message }, general: '' } : { errors: {}, general: problem.message };
}

/** The server's limits for a program. */
export const PROGRAM_NAME_MAX_LENGTH = 100;
export const MAX_CAPACITY = 100_000;
export const MAX_OFFER_HOURS = 1440;

export interface ProgramDraft {
  name: string;
  capacity: string;
  offer_hours: string;
}

export type ProgramField = keyof ProgramDraft;
export const PROGRAM_FIELDS: readonly ProgramField[] = ['name', 'capacity', 'offer_hours'];

const wholeNumber = (text: string) => (/^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : NaN);

/** Problems with a program's settings; `withName` for "Add program" (changes keep the name). */
export function checkProgram(draft: ProgramDraft, withName: boolean): Partial<Record<ProgramField, string>> {
  const errors: Partial<Record<ProgramField, string>> = {};
  const name = draft.name.trim();
  if (withName && !name) errors.name = 'Enter the program’s name.';
  else if (withName && Array.from(name).length > PROGRAM_NAME_MAX_LENGTH) errors.name = `Keep the name to ${PROGRAM_NAME_MAX_LENGTH} characters or fewer.`;
  const capacity = wholeNumber(draft.capacity);
  if (Number.isNaN(capacity) || capacity > MAX_CAPACITY) errors.capacity = `Enter the number of places as a whole number from 0 to ${MAX_CAPACITY}.`;
  const hours = wholeNumber(draft.offer_hours);
  if (Number.isNaN(hours) || hours < 1 || hours > MAX_OFFER_HOURS) errors.offer_hours = `Enter how many hours an offer stays open: a whole number from 1 to ${MAX_OFFER_HOURS} (60 days).`;
  return errors;
}

export function programFrom(draft: ProgramDraft) {
  return { name: draft.name.trim(), capacity: wholeNumber(draft.capacity), offer_hours: wholeNumber(draft.offer_hours) };
}
