// The rules of the patient's questionnaire link, apart from the page: where a
// patient resumes, which choices an item offers, and what a failed call means.
import { ApiError, type AnswerOption, type Instrument, type InstrumentAnswers, type InstrumentItem } from '../api';

/** Where the patient is: a question of an instrument, or (question === items.length) its review. */
export interface Position {
  instrument: string;
  question: number;
}

/** The problems that end the page: the link is unknown, out of date, or used up. */
export type LinkProblem = 'not_found' | 'expired' | 'used';

/** A free whole number in a range this short is offered as one choice per number (a 0–10 scale). */
const MAX_NUMBER_CHOICES = 11;

/**
 * The choices of an item: its labelled options, or each number of a short free
 * range. Undefined for a longer free range, which is typed in.
 */
export function choicesFor(item: InstrumentItem): AnswerOption[] | undefined {
  if (item.options.length > 0) return item.options;
  if (item.max < item.min || item.max - item.min + 1 > MAX_NUMBER_CHOICES) return undefined;
  return Array.from({ length: item.max - item.min + 1 }, (_, i) => ({ value: item.min + i, label: String(item.min + i) }));
}

/** Whether `value` is an answer the item accepts. */
export function acceptsValue(item: InstrumentItem, value: number): boolean {
  if (item.options.length > 0) return item.options.some((o) => o.value === value);
  return Number.isInteger(value) && value >= item.min && value <= item.max;
}

/** What the patient sees for an answer: the option's label, the number itself, or "Not answered". */
export function answerLabel(item: InstrumentItem, value: number | undefined): string {
  if (value === undefined) return 'Not answered';
  return item.options.find((o) => o.value === value)?.label ?? String(value);
}

/** The index of the first item without an accepted answer; items.length (the review) when all have one. */
export function firstUnanswered(instrument: Instrument, answers: Readonly<InstrumentAnswers> | undefined): number {
  const index = instrument.items.findIndex((item) => {
    const value = answers?.[item.code];
    return value === undefined || !acceptsValue(item, value);
  });
  return index === -1 ? instrument.items.length : index;
}

/**
 * Where to resume: the first instrument, in the link's order, not yet submitted, at
 * its first unanswered question. Undefined when every one is submitted.
 */
export function resumePosition(
  instruments: readonly Instrument[],
  answers: Readonly<Record<string, InstrumentAnswers>>,
  submitted: readonly string[],
): Position | undefined {
  const open = instruments.find((i) => !submitted.includes(i.code) && i.items.length > 0);
  return open && { instrument: open.code, question: firstUnanswered(open, answers[open.code]) };
}

/** Only the answers the instrument accepts (saved answers may predate a change to it). */
export function acceptedAnswers(instrument: Instrument, answers: Readonly<InstrumentAnswers> | undefined): InstrumentAnswers {
  const kept: InstrumentAnswers = {};
  for (const item of instrument.items) {
    const value = answers?.[item.code];
    if (value !== undefined && acceptsValue(item, value)) kept[item.code] = value;
  }
  return kept;
}

/** The link problem an error means, if it means one. */
export function linkProblemOf(error: unknown): LinkProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'link_used') return 'used';
  if (error.code === 'link_expired') return 'expired';
  if (error.code === 'link_not_found' || error.status === 404) return 'not_found';
  if (error.status === 410) return 'expired';
  return undefined;
}

/** The item a validation error names ("answers.phq9_4"), if it is one of the instrument's. */
export function itemOfField(instrument: Instrument, field: string | undefined): number | undefined {
  if (!field?.startsWith('answers.')) return undefined;
  const code = field.slice('answers.'.length);
  const index = instrument.items.findIndex((item) => item.code === code);
  return index === -1 ? undefined : index;
}
