// The enquiry form's rules, shared by the public request page and "Add phone
// enquiry": the checks made before sending (so people see every problem at once),
// and where a refused submit's message goes. The server checks the same things.
import { ApiError, type ConsultationRequest, type EnquiryDetails } from '../api';
import { problemFrom } from '../ui/form_problem';

/** The server's limits, in characters. */
export const NAME_MAX_LENGTH = 100;
export const REASON_MAX_LENGTH = 2000;
export const HEARD_FROM_MAX_LENGTH = 200;

export const EMPTY_DETAILS: EnquiryDetails = {
  given_name: '',
  family_name: '',
  email: '',
  phone: '',
  preferred_contact: '',
  conditions: [],
  reason_text: '',
  heard_from: '',
};

/** The fields in the order the form shows them: focus goes to the first with an error. */
export const DETAIL_FIELDS = ['given_name', 'family_name', 'email', 'phone', 'preferred_contact', 'conditions', 'reason_text', 'heard_from'] as const;
export const REQUEST_FIELDS = [...DETAIL_FIELDS, 'consent_to_contact'] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];
export type FieldErrors = Partial<Record<RequestField, string>>;

const PHONE = /^\+?[0-9()\-. ]+$/;
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15;

/** The details with surrounding spaces removed from every text field. */
export function trimmedDetails(details: EnquiryDetails): EnquiryDetails {
  return {
    ...details,
    given_name: details.given_name.trim(),
    family_name: details.family_name.trim(),
    email: details.email.trim(),
    phone: details.phone.trim(),
    reason_text: details.reason_text.trim(),
    heard_from: details.heard_from.trim(),
  };
}

/** The server's test: one @ with something before it, no spaces, a dot inside the domain. */
function plausibleEmail(email: string): boolean {
  const at = email.indexOf('@');
  if (at <= 0 || email.indexOf('@', at + 1) !== -1 || /\s/.test(email)) return false;
  const domain = email.slice(at + 1);
  const dot = domain.indexOf('.');
  return dot > 0 && dot + 1 < domain.length;
}

/** A length as people count characters (an emoji is one). */
const length = (text: string) => Array.from(text).length;

function tooLong(text: string, max: number): string | undefined {
  const n = length(text);
  return n > max ? `Keep this to ${max} characters or fewer (it has ${n}).` : undefined;
}

/** Problems with trimmed details, by field; empty when they may be sent. */
export function checkDetails(details: EnquiryDetails): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: RequestField, message: string | undefined) => {
    if (message !== undefined && errors[field] === undefined) errors[field] = message;
  };
  set('given_name', details.given_name ? tooLong(details.given_name, NAME_MAX_LENGTH) : 'Enter a given name.');
  set('family_name', details.family_name ? tooLong(details.family_name, NAME_MAX_LENGTH) : 'Enter a family name.');
  if (details.email && !plausibleEmail(details.email)) set('email', 'Enter an e-mail address like name@example.org.');
  const digits = details.phone.replace(/\D/g, '').length;
  if (details.phone && (!PHONE.test(details.phone) || digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS)) {
    set('phone', `Enter a phone number of ${MIN_PHONE_DIGITS} to ${MAX_PHONE_DIGITS} digits; spaces, dashes, brackets and a leading + are fine.`);
  }
  const method = details.preferred_contact;
  if (!details.email && !details.phone && !method) set('email', 'Give an e-mail address or a phone number so that we can reply.');
  if (!details.email && method === 'email') set('email', 'Enter an e-mail address, or choose another way to be contacted.');
  if (!details.phone && (method === 'phone' || method === 'text')) set('phone', 'Enter a phone number, or choose another way to be contacted.');
  if (!method) set('preferred_contact', 'Choose how you would like to be contacted.');
  set('reason_text', tooLong(details.reason_text, REASON_MAX_LENGTH));
  set('heard_from', tooLong(details.heard_from, HEARD_FROM_MAX_LENGTH));
  return errors;
}

/** checkDetails plus the public form's consent. */
export function checkRequest(request: ConsultationRequest): FieldErrors {
  const errors = checkDetails(request);
  if (!request.consent_to_contact) errors.consent_to_contact = 'Tick the box to agree to be contacted: we can only reply if you agree.';
  return errors;
}

const CONTACT_FIELDS: readonly RequestField[] = ['email', 'phone', 'preferred_contact'];

/**
 * The errors still worth showing after the person changed `changed`: theirs go
 * (the next submit checks again). The e-mail, phone and preferred method depend on
 * each other, so a change to one clears all three.
 */
export function errorsAfterChange(errors: FieldErrors, changed: readonly string[]): FieldErrors {
  const cleared = new Set<string>(changed);
  if (changed.some((field) => CONTACT_FIELDS.some((f) => f === field))) for (const field of CONTACT_FIELDS) cleared.add(field);
  const kept: FieldErrors = {};
  for (const field of REQUEST_FIELDS) {
    const message = errors[field];
    if (message !== undefined && !cleared.has(field)) kept[field] = message;
  }
  return kept;
}

export function firstErrorField(errors: FieldErrors): RequestField | undefined {
  return REQUEST_FIELDS.find((field) => errors[field] !== undefined);
}

export interface SubmitProblem {
  /** Messages to show next to the form's own fields. */
  errors: FieldErrors;
  /** A message for the whole form, or "". */
  general: string;
}

/** Where a refused submit's message goes: next to the named field if the form has it, else above the button. */
export function submitProblem(error: unknown, fields: readonly RequestField[]): SubmitProblem {
  if (error instanceof ApiError && error.status === 429) return { errors: {}, general: tryLaterMessage(error.retryAfterS) };
  const problem = problemFrom(error);
  const field = fields.find((f) => f === problem.field);
  return field ? { errors: { [field]: problem.message }, general: '' } : { errors: {}, general: problem.message };
}

function tryLaterMessage(retryAfterS: number | undefined): string {
  const start = 'We have had several requests from here in a short time.';
  if (retryAfterS === undefined || retryAfterS <= 0) return `${start} Please try again later.`;
  const minutes = Math.ceil(retryAfterS / 60);
  const hours = Math.ceil(minutes / 60);
  const wait = minutes <= 1 ? 'a minute' : minutes < 60 ? `${minutes} minutes` : hours === 1 ? 'an hour' : `${hours} hours`;
  return `${start} Please try again in ${wait}.`;
}
