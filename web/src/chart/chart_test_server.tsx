// For the chart's tests: a fake server with one patient (pat_1), and helpers that
// open the chart and drive it as a user would. Not a test file itself.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { ApiClient, type Allergy, type BaselineTest, type EligibilityDecision, type Fetch, type Finding, type Measurement, type Medication, type PatientRecord, type RecordedAnswer, type Role } from '../api';
import { RoutedPage } from '../shell/RoutedPage';

export const PATIENT: PatientRecord = {
  id: 'pat_1', given_name: 'Maya', family_name: 'Okafor', date_of_birth: '1986-03-14', created_at: '2026-01-01T00:00:00Z',
  preferred_name: '', sex_at_birth: null, gender_identity: '', phone: '', email: '',
  emergency_contact_name: '', emergency_contact_relationship: '', emergency_contact_phone: '',
  escort_name: '', escort_phone: '', referrer: '', guardian_name: '', guardian_relationship: '', guardian_phone: '',
};
export const QUESTIONS = [
  { code: 'aneurysmal_vascular_disease', label: 'Aneurysmal vascular disease' },
  { code: 'pregnant', label: 'Pregnant' },
];
export const EXCLUSION: Finding = {
  rule: 'aneurysmal_vascular_disease',
  outcome: 'exclude',
  reason: 'Aneurysmal vascular disease: a rise in blood pressure could rupture it.',
  source: 'Spravato prescribing information: contraindications',
  facts: ['Aneurysmal vascular disease: yes'],
};
const REVIEW: Finding = { rule: 'pregnant', outcome: 'needs_review', reason: 'Not yet asked: Pregnant.', source: 'Label', facts: ['Pregnant: unknown'] };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const invalid = (field: string, message: string) => json(400, { error: { code: 'validation_failed', message, field } });
export const recorded = (question: string, answer: RecordedAnswer['answer']): RecordedAnswer => ({ question, answer, recorded_at: '2026-02-01T10:00:00Z', recorded_by: 'nurse@demo.test' });
const stamp = { recorded_at: '2026-03-02T09:00:00Z', recorded_by: 'nurse@demo.test' };

interface FakeServerOptions {
  answers?: RecordedAnswer[];
  decision?: EligibilityDecision | null;
  /** The server knows of an exclusion the page has not seen. */
  serverOnlyExclusion?: boolean;
  patient?: Partial<PatientRecord>;
  allergies?: Allergy[];
  /** Answers routes the chart's fake does not know (e.g. the Measures tab's); undefined: not found. */
  extraRoute?: (url: string, post: boolean, body: Record<string, unknown>) => Response | undefined;
}

/** A fake server with one patient; an aneurysm answered yes is an exclusion. */
export function fakeServer({ answers = [], decision = null, serverOnlyExclusion = false, patient: patientChanges = {}, allergies = [], extraRoute }: FakeServerOptions = {}) {
  let patient: PatientRecord = { ...PATIENT, ...patientChanges };
  const medications: Medication[] = [];
  const measurements: Measurement[] = [];
  const baselineTests: BaselineTest[] = [];
  const findings = () => [...(answers.some((a) => a.question === 'aneurysmal_vascular_disease' && a.answer === 'yes') ? [EXCLUSION] : []), REVIEW];
  const history = () => ({ questions: QUESTIONS, answers, medications, diagnoses: [], trials: [], diagnosis_choices: [{ code: 'F33.2', label: 'MDD' }], medication_classes: ['none', 'benzodiazepine'] });
  const route = (url: string, post: boolean, body: Record<string, unknown>): Response => {
    const base = '/api/v1/patients/pat_1';
    if (url.startsWith('/api/v1/patients?')) return json(200, { items: [patient], next_cursor: null });
    if (url === base) return json(200, patient);
    if (url === `${base}/demographics`) {
      if (body.phone === 'call me') return invalid('phone', 'Enter a phone number using digits, spaces and an optional +.');
      patient = { ...patient, ...(body as Partial<PatientRecord>) };
      return json(200, patient);
    }
    if (url === `${base}/history` && post) {
      for (const [question, answer] of Object.entries(body.answers as Record<string, RecordedAnswer['answer']>)) {
        answers = [...answers.filter((a) => a.question !== question), recorded(question, answer)];
      }
    }
    if (url === `${base}/history`) return json(200, history());
    if (url === `${base}/medications`) {
      medications.push({ id: `med_${medications.length + 1}`, name: body.name as string, class: body.class as Medication['class'], dose: body.dose as string, started_at: '2026-03-02T09:00:00Z', stopped_at: null });
      return json(201, medications.at(-1));
    }
    const stop = /^\/api\/v1\/patients\/pat_1\/medications\/(med_\d+)\/stop$/.exec(url);
    const stopped = medications.find((m) => m.id === stop?.[1]);
    if (stopped) {
      stopped.stopped_at = '2026-03-03T09:00:00Z';
      return json(200, stopped);
    }
    if (url === `${base}/measurements` && post) {
      const common = { id: `msr_${measurements.length + 1}`, measured_on: (body.measured_on as string | undefined) ?? '2026-03-02', ...stamp };
      const m: Measurement = typeof body.weight_kg === 'number' ? { ...common, kind: 'weight', weight_kg: body.weight_kg } : { ...common, kind: 'height', height_cm: body.height_cm as number };
      measurements.unshift(m);
      return json(201, m);
    }
    if (url === `${base}/measurements`) return json(200, { items: measurements });
    if (url === `${base}/allergies` && post) {
      if (allergies.some((a) => a.substance.toLowerCase() === (body.substance as string).toLowerCase())) {
        return json(409, { error: { code: 'already_recorded', message: 'An allergy to this substance is already recorded.', field: 'substance' } });
      }
      allergies = [...allergies, { id: `alg_${allergies.length + 1}`, substance: body.substance as string, reaction: body.reaction as string, ...stamp }];
      return json(201, allergies.at(-1));
    }
    if (url === `${base}/allergies`) return json(200, { items: allergies });
    if (url === `${base}/baseline-tests` && post) {
      baselineTests.unshift({ id: `bst_${baselineTests.length + 1}`, kind: body.kind as BaselineTest['kind'], taken_on: body.taken_on as string, result: body.result as string, ...stamp });
      return json(201, baselineTests[0]);
    }
    if (url === `${base}/baseline-tests`) return json(200, { items: baselineTests });
    if (url === `${base}/screening`) return json(200, { rule_version: 'kc-test-1', findings: findings(), latest_decision: decision });
    if (url === `${base}/eligibility-decisions`) {
      const overrides = body.decision !== 'not_eligible' && (serverOnlyExclusion || findings().some((f) => f.outcome === 'exclude'));
      if (overrides && !body.override_reason) return invalid('override_reason', 'Say why this overrides an exclusion.');
      decision = { id: 'eld_1', decision: body.decision as EligibilityDecision['decision'], reason: body.reason as string, override: overrides, override_reason: body.override_reason as string, rule_version: 'kc-test-1', decided_at: '2026-03-01T09:00:00Z', decided_by: 'prescriber@demo.test', needs_rescreen: false, rescreen_reason: '' };
      return json(201, decision);
    }
    return extraRoute?.(url, post, body) ?? json(404, { error: { code: 'not_found', message: 'No such route.' } });
  };
  const fetchFn = vi.fn<Fetch>((url, init) => {
    const body = init.body === undefined ? {} : (JSON.parse(init.body as string) as Record<string, unknown>);
    return Promise.resolve(route(url, init.method === 'POST', body));
  });
  const calls = () => fetchFn.mock.calls.map(([url, init]) => `${init.method ?? 'GET'} ${url}`);
  const bodies = (url: string) => fetchFn.mock.calls.filter(([u, init]) => u === url && init.method === 'POST').map(([, init]) => JSON.parse(init.body as string) as unknown);
  return { api: new ApiClient(fetchFn), calls, bodies };
}

/** The GETs that open the chart, in order. */
export const CHART_LOAD = ['patients/pat_1', 'history', 'screening', 'measurements', 'allergies', 'baseline-tests'].map((p, i) => `GET /api/v1/${i === 0 ? p : `patients/pat_1/${p}`}`);

export const container = document.createElement('div');
document.body.append(container);

export const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
export const buttons = () => [...container.querySelectorAll('button')].map((b) => b.textContent);
export const text = (selector: string) => container.querySelector(selector)?.textContent ?? '';
export const buttonNamed = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name);
export const badges = () => [...container.querySelectorAll('.chart-header .badge')].map((b) => b.textContent);

export async function open(roles: Role[], server: ReturnType<typeof fakeServer>) {
  await act(() => render(<RoutedPage path="/patients/pat_1" roles={roles} clinicId="cln_1" api={server.api} />, container));
  await settle();
}

export async function click(element: Element | null | undefined) {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(() => element.click());
  await settle();
}

export const choice = (legend: string, label: string) => {
  const fieldset = [...container.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend);
  return [...(fieldset?.querySelectorAll('label') ?? [])].find((l) => l.textContent === label)?.querySelector('input');
};

/** Types `value` into the field named `name` inside `scope` (a selector), as input or change events. */
export async function type(name: string, value: string, scope = '') {
  const field = container.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`${scope} [name="${name}"]`.trim());
  if (!field) throw new Error(`no field ${name}`);
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}
