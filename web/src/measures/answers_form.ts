// The answers typed into "Record answers", kept as text by item code (a radio
// button's value or a number box's text), and turned into the body the server
// takes. A draft may be partial; a submission needs every item. Problems name the
// server's field ("answers.phq9_4") so they show at the item and focus lands there.
import type { Instrument, InstrumentAnswers, InstrumentItem } from '../api';
import type { FormProblem } from '../ui/form_problem';

export type AnswerDraft = Readonly<Record<string, string>>;

/** The server's field name for an item, also the form control's name. */
export const answerField = (itemCode: string) => `answers.${itemCode}`;

/** Saved answers as the form's text. */
export function draftFrom(answers: InstrumentAnswers): AnswerDraft {
  return Object.fromEntries(Object.entries(answers).map(([code, value]) => [code, String(value)]));
}

/** How many items have an answer. */
export function answeredCount(instrument: Pick<Instrument, 'items'>, draft: AnswerDraft): number {
  return instrument.items.filter((item) => (draft[item.code] ?? '').trim() !== '').length;
}

/** The answers to send, or the first problem. `complete`: every item must be answered (a submission). */
export function readAnswers(instrument: Pick<Instrument, 'items'>, draft: AnswerDraft, complete: boolean): { answers: InstrumentAnswers } | { problem: FormProblem } {
  const answers: InstrumentAnswers = {};
  for (const [index, item] of instrument.items.entries()) {
    const text = (draft[item.code] ?? '').trim();
    if (text === '') {
      if (complete) return { problem: { field: answerField(item.code), message: missingMessage(instrument.items.length, index, item) } };
      continue;
    }
    const value = Number(text);
    if (!Number.isInteger(value) || value < item.min || value > item.max || !allowed(item, value)) {
      return { problem: { field: answerField(item.code), message: `Enter a whole number from ${item.min} to ${item.max}.` } };
    }
    answers[item.code] = value;
  }
  return { answers };
}

function allowed(item: InstrumentItem, value: number): boolean {
  return item.options.length === 0 || item.options.some((o) => o.value === value);
}

function missingMessage(count: number, index: number, item: InstrumentItem): string {
  const range = `a whole number from ${item.min} to ${item.max}`;
  if (item.options.length === 0) return count === 1 ? `Enter ${range}.` : `Answer question ${index + 1}: ${range}.`;
  return count === 1 ? 'Choose an answer.' : `Answer question ${index + 1}.`;
}
