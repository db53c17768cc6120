// How an enquiry moves through the queue, and how its codes read on screen.
// New → contacted → consultation booked; any open enquiry may be closed, with a
// reason. Nothing moves backwards and a closed enquiry stays closed (the server
// answers 409 invalid_transition otherwise).
import type { Condition, ContactMethod, Enquiry, EnquiryFilter, EnquiryStatus } from '../api';

export const STATUS_LABELS: Record<EnquiryStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  consultation_booked: 'Consultation booked',
  closed: 'Closed',
};

export const FILTER_CHOICES: readonly { value: EnquiryFilter; label: string }[] = [
  { value: 'open', label: 'All open' },
  { value: 'new', label: STATUS_LABELS.new },
  { value: 'contacted', label: STATUS_LABELS.contacted },
  { value: 'consultation_booked', label: STATUS_LABELS.consultation_booked },
  { value: 'closed', label: STATUS_LABELS.closed },
];

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  email: 'E-mail',
  phone: 'Phone call',
  text: 'Text message',
};

export const SOURCE_LABELS: Record<Enquiry['source'], string> = { web: 'Web', phone: 'Phone' };

export interface NextStep {
  status: Exclude<EnquiryStatus, 'new'>;
  /** The button's text. */
  label: string;
  /** Closing asks why. */
  needsReason: boolean;
}

const CLOSE: NextStep = { status: 'closed', label: 'Close enquiry', needsReason: true };

/** The steps an enquiry in `status` may take next, forward step first. */
export function nextSteps(status: EnquiryStatus): NextStep[] {
  switch (status) {
    case 'new':
      return [{ status: 'contacted', label: 'Mark contacted', needsReason: false }, CLOSE];
    case 'contacted':
      return [{ status: 'consultation_booked', label: 'Mark consultation booked', needsReason: false }, CLOSE];
    case 'consultation_booked':
      return [CLOSE];
    case 'closed':
      return [];
  }
}

/** What the status line says after a step, e.g. "Jane Doe: marked contacted." */
export function stepDoneMessage(enquiry: Pick<Enquiry, 'given_name' | 'family_name' | 'status'>): string {
  const name = `${enquiry.given_name} ${enquiry.family_name}`;
  return enquiry.status === 'closed' ? `Closed the enquiry from ${name}.` : `${name}: now ${STATUS_LABELS[enquiry.status].toLowerCase()}.`;
}

/** The clinic's labels for condition codes, in the enquiry's order; an unknown code shows as is. */
export function conditionLabels(codes: readonly string[], conditions: readonly Condition[]): string[] {
  return codes.map((code) => conditions.find((c) => c.code === code)?.label ?? code);
}
