// For the questionnaire page's tests: a fake server holding one patient's link
// (/q/cln_1/tok_1) with a small catalogue, and helpers that open the page and use
// it as a patient would. Not a test file itself.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { ApiClient, type Fetch, type Instrument, type InstrumentAnswers } from '../api';
import { Root } from '../shell/Root';

const FREQUENCY = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

const COMMON: Omit<Instrument, 'code' | 'name' | 'title' | 'instructions' | 'max_total' | 'items'> = {
  completion: 'patient', total_only: false, min_total: 0, bands: [], bands_source: '', response_applies: true, remission_at_most: null, loinc_panel: '', loinc_total: '',
};

const PHQ9_TEXTS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed',
  'Thoughts that you would be better off dead, or of hurting yourself in some way',
];

export const PHQ9: Instrument = {
  ...COMMON,
  code: 'phq9',
  name: 'PHQ-9',
  title: 'Patient Health Questionnaire (PHQ-9)',
  instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  max_total: 27,
  items: PHQ9_TEXTS.map((text, i) => ({ code: `phq9_${i + 1}`, text, min: 0, max: 3, options: FREQUENCY })),
  remission_at_most: 4,
};

export const GAD7: Instrument = {
  ...COMMON,
  code: 'gad7',
  name: 'GAD-7',
  title: 'Generalized Anxiety Disorder (GAD-7)',
  instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  max_total: 21,
  items: Array.from({ length: 7 }, (_, i) => ({ code: `gad7_${i + 1}`, text: `Anxiety question ${i + 1}`, min: 0, max: 3, options: FREQUENCY })),
};

export const PAIN: Instrument = {
  ...COMMON,
  code: 'pain_nrs',
  name: 'Pain',
  title: 'Pain today',
  instructions: '0 means no pain and 10 the worst pain you can imagine.',
  max_total: 10,
  response_applies: false,
  items: [{ code: 'pain_now', text: 'How bad is your pain right now?', min: 0, max: 10, options: [] }],
};

export const CRISIS_MESSAGE = 'If you are thinking about harming yourself, call 988 now, or go to your nearest emergency department.\nThe clinic will contact you today.';

const LINK = '/api/v1/public/clinics/cln_1/questionnaires/tok_1';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
export const apiError = (status: number, code: string, message: string, field?: string) => json(status, { error: { code, message, ...(field ? { field } : {}) } });

interface LinkOptions {
  instruments?: Instrument[];
  answers?: Record<string, InstrumentAnswers>;
  submitted?: string[];
  /** Answers for the next calls, in turn, before the fake link's own; "network" throws as fetch does offline. */
  failures?: (Response | 'network')[];
}

/** A fake server with one questionnaire link; a PHQ-9 item 9 above 0 raises the crisis message. */
export function fakeLink({ instruments = [PHQ9], answers = {}, submitted = [], failures = [] }: LinkOptions = {}) {
  const saved: Record<string, InstrumentAnswers> = structuredClone(answers);
  const done = [...submitted];
  const route = (url: string, init: RequestInit): Response => {
    if (url === LINK && init.method === 'GET') {
      if (instruments.every((i) => done.includes(i.code))) return apiError(410, 'link_used', 'Every questionnaire of this link has been submitted.');
      return json(200, { clinic: { name: 'Demo Clinic' }, expires_at: '2026-11-24T15:55:00.000Z', instruments, answers: saved, submitted: done });
    }
    if (url === `${LINK}/answers` && init.method === 'POST') {
      const body = JSON.parse(init.body as string) as { instrument: string; answers: InstrumentAnswers; submit: boolean };
      const instrument = instruments.find((i) => i.code === body.instrument);
      if (!instrument) return apiError(400, 'validation_failed', 'Not in this link.', 'instrument');
      if (done.includes(instrument.code)) return apiError(409, 'already_submitted', 'Already submitted.');
      if (body.submit) {
        const missing = instrument.items.find((item) => body.answers[item.code] === undefined);
        if (missing) return apiError(400, 'validation_failed', 'Answer this question.', `answers.${missing.code}`);
      }
      saved[instrument.code] = body.answers;
      if (!body.submit) return json(200, { submitted: done, complete: false, crisis_message: null });
      done.push(instrument.code);
      const risk = instrument.code === 'phq9' && (body.answers.phq9_9 ?? 0) > 0;
      return json(200, { submitted: done, complete: instruments.every((i) => done.includes(i.code)), crisis_message: risk ? CRISIS_MESSAGE : null });
    }
    return apiError(404, 'not_found', 'No such route.');
  };
  const fetchFn = vi.fn<Fetch>((url, init) => {
    const failure = failures.shift();
    if (failure === 'network') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(failure ?? route(url, init));
  });
  const calls = () => fetchFn.mock.calls.map(([url, init]) => `${init.method ?? 'GET'} ${url}`);
  const posted = () => fetchFn.mock.calls.filter(([, init]) => init.method === 'POST').map(([, init]) => JSON.parse(init.body as string) as unknown);
  return { fetchFn, calls, posted, saved, done };
}

export const container = document.createElement('div');
document.body.append(container);

/** Lets the fake server's answers arrive and the page settle. */
export async function settle() {
  for (let i = 0; i < 4; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}

/** Opens the page at `path` (the link by default) through Root, as main.tsx does. */
export async function openLink(fetchFn: Fetch, path = '/q/cln_1/tok_1') {
  await act(() => render(<Root api={new ApiClient(fetchFn)} path={path} />, container));
  await settle();
}

/** The current question's heading, inside the fieldset's legend. */
export const questionHeading = () => container.querySelector('legend h2');

/** Text of the first element matching `selector`, trimmed. */
export const text = (selector: string) => container.querySelector(selector)?.textContent.trim();

export function radio(label: string): HTMLInputElement {
  const found = [...container.querySelectorAll('label.q-option')].find((l) => l.textContent.trim() === label)?.querySelector('input');
  if (!found) throw new Error(`no answer labelled ${label}`);
  return found;
}

/** Chooses an answer of the current question, by its label. */
export async function choose(label: string) {
  await act(() => {
    radio(label).click();
  });
}

export function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
  if (!found) throw new Error(`no button ${name}; there are: ${[...container.querySelectorAll('button')].map((b) => b.textContent.trim()).join(', ')}`);
  return found;
}

/** Presses a button (Next and Submit submit their form) and lets the page settle. */
export async function press(name: string) {
  await act(() => {
    const target = button(name);
    if (target.type === 'submit') target.form?.requestSubmit(target);
    else target.click();
  });
  await settle();
}

/** The label of the current step's forward button: Next, Review answers, Save and review or Submit. */
export const forward = () => container.querySelector('button[type="submit"]')?.textContent.trim() ?? '';

/** Answers the current question and presses its forward button. */
export async function answer(label: string) {
  await choose(label);
  await press(forward());
}
