// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type EligibilityDecision, type Fetch, type Finding, type Medication, type RecordedAnswer, type Role } from '../api';
import { RoutedPage } from '../shell/RoutedPage';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const PATIENT = { id: 'pat_1', given_name: 'Maya', family_name: 'Okafor', date_of_birth: '1986-03-14', created_at: '2026-01-01T00:00:00Z' };
const QUESTIONS = [
  { code: 'aneurysmal_vascular_disease', label: 'Aneurysmal vascular disease' },
  { code: 'pregnant', label: 'Pregnant' },
];
const EXCLUSION: Finding = {
  rule: 'aneurysmal_vascular_disease',
  outcome: 'exclude',
  reason: 'Aneurysmal vascular disease: a rise in blood pressure could rupture it.',
  source: 'Spravato prescribing information: contraindications',
  facts: ['Aneurysmal vascular disease: yes'],
};
const REVIEW: Finding = { rule: 'pregnant', outcome: 'needs_review', reason: 'Not yet asked: Pregnant.', source: 'Label', facts: ['Pregnant: unknown'] };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const recorded = (question: string, answer: RecordedAnswer['answer']): RecordedAnswer => ({ question, answer, recorded_at: '2026-02-01T10:00:00Z', recorded_by: 'nurse@demo.test' });

/** A fake server with one patient; an aneurysm answered yes is an exclusion. */
function fakeServer({ answers = [] as RecordedAnswer[], decision = null as EligibilityDecision | null, serverOnlyExclusion = false } = {}) {
  const medications: Medication[] = [];
  const findings = () => [...(answers.some((a) => a.answer === 'yes') ? [EXCLUSION] : []), REVIEW];
  const history = () => ({ questions: QUESTIONS, answers, medications, diagnoses: [], trials: [], diagnosis_choices: [{ code: 'F33.2', label: 'MDD' }], medication_classes: ['none', 'benzodiazepine'] });
  const fetchFn = vi.fn<Fetch>((url, init) => {
    const body = init.body === undefined ? {} : (JSON.parse(init.body as string) as Record<string, unknown>);
    const post = init.method === 'POST';
    if (url.startsWith('/api/v1/patients?')) return Promise.resolve(json(200, { items: [PATIENT], next_cursor: null }));
    if (url === '/api/v1/patients/pat_1') return Promise.resolve(json(200, PATIENT));
    if (url === '/api/v1/patients/pat_1/history' && post) {
      for (const [question, answer] of Object.entries(body.answers as Record<string, RecordedAnswer['answer']>)) {
        answers = [...answers.filter((a) => a.question !== question), recorded(question, answer)];
      }
    }
    if (url === '/api/v1/patients/pat_1/history') return Promise.resolve(json(200, history()));
    if (url === '/api/v1/patients/pat_1/medications') {
      medications.push({ id: `med_${medications.length + 1}`, name: body.name as string, class: body.class as Medication['class'], dose: body.dose as string, started_at: '2026-03-02T09:00:00Z', stopped_at: null });
      return Promise.resolve(json(201, medications.at(-1)));
    }
    const stop = /^\/api\/v1\/patients\/pat_1\/medications\/(med_\d+)\/stop$/.exec(url);
    const stopped = medications.find((m) => m.id === stop?.[1]);
    if (stopped) {
      stopped.stopped_at = '2026-03-03T09:00:00Z';
      return Promise.resolve(json(200, stopped));
    }
    if (url === '/api/v1/patients/pat_1/screening') return Promise.resolve(json(200, { rule_version: 'kc-test-1', findings: findings(), latest_decision: decision }));
    if (url === '/api/v1/patients/pat_1/eligibility-decisions') {
      const overrides = body.decision !== 'not_eligible' && (serverOnlyExclusion || findings().some((f) => f.outcome === 'exclude'));
      if (overrides && !body.override_reason) return Promise.resolve(json(400, { error: { code: 'validation_failed', message: 'Say why this overrides an exclusion.', field: 'override_reason' } }));
      decision = { id: 'eld_1', decision: body.decision as EligibilityDecision['decision'], reason: body.reason as string, override: overrides, override_reason: body.override_reason as string, rule_version: 'kc-test-1', decided_at: '2026-03-01T09:00:00Z', decided_by: 'prescriber@demo.test', needs_rescreen: false, rescreen_reason: '' };
      return Promise.resolve(json(201, decision));
    }
    return Promise.resolve(json(404, { error: { code: 'not_found', message: 'No such route.' } }));
  });
  const calls = () => fetchFn.mock.calls.map(([url, init]) => `${init.method ?? 'GET'} ${url}`);
  const bodies = (url: string) => fetchFn.mock.calls.filter(([u, init]) => u === url && init.method === 'POST').map(([, init]) => JSON.parse(init.body as string) as unknown);
  return { api: new ApiClient(fetchFn), calls, bodies };
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
const buttons = () => [...container.querySelectorAll('button')].map((b) => b.textContent);
const text = (selector: string) => container.querySelector(selector)?.textContent ?? '';
async function open(roles: Role[], server: ReturnType<typeof fakeServer>) {
  await act(() => render(<RoutedPage path="/patients/pat_1" roles={roles} clinicId="cln_1" api={server.api} />, container));
  await settle();
}
async function click(element: Element | null | undefined) {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(() => element.click());
  await settle();
}
const buttonNamed = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name);
const choice = (legend: string, label: string) => {
  const fieldset = [...container.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend);
  return [...(fieldset?.querySelectorAll('label') ?? [])].find((l) => l.textContent === label)?.querySelector('input');
};
async function type(name: string, value: string, scope = '') {
  const field = container.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`${scope} [name="${name}"]`.trim());
  if (!field) throw new Error(`no field ${name}`);
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

describe('PatientChartPage', () => {
  it('opens from the patient’s name on the Patients page', async () => {
    const server = fakeServer();
    await act(() => render(<RoutedPage path="/patients" roles={['nurse']} clinicId="cln_1" api={server.api} />, container));
    await settle();
    const link = container.querySelector('tbody th a');
    expect(link?.textContent).toBe('Okafor, Maya');
    expect(link?.getAttribute('href')).toBe('/patients/pat_1');
  });

  it('shows a nurse the header and the history controls, but no decision form', async () => {
    const server = fakeServer({ answers: [recorded('pregnant', 'no')] });
    await open(['nurse'], server);
    expect(server.calls()).toEqual(['GET /api/v1/patients/pat_1', 'GET /api/v1/patients/pat_1/history', 'GET /api/v1/patients/pat_1/screening']);
    expect(text('.chart-header h1')).toBe('Okafor, Maya');
    expect(text('.chart-summary')).toContain('1986-03-14');
    expect(text('.chart-summary')).toMatch(/Age\d+ years/);
    expect(text('.chart-summary')).toContain('Not screened');
    expect(text('.safety-flags')).toBe('History incomplete');
    expect(buttons()).toEqual(expect.arrayContaining(['History', 'Screening', 'Save answers', 'Add medication', 'Add diagnosis', 'Add trial']));
    expect(buttons()).not.toContain('Record decision');
    expect(choice('Pregnant', 'No')?.checked).toBe(true);
    expect(choice('Aneurysmal vascular disease', 'Unknown')?.checked).toBe(true);
  });

  it('saves only the answers that changed, then screens again', async () => {
    const server = fakeServer({ answers: [recorded('pregnant', 'no')] });
    await open(['nurse'], server);
    await click(choice('Aneurysmal vascular disease', 'Yes'));
    await click(choice('Pregnant', 'Unknown'));
    await click(choice('Pregnant', 'No'));
    expect(text('.unsaved-count')).toBe('1 answer changed, not saved yet.');
    await click(buttonNamed('Save answers'));
    expect(server.bodies('/api/v1/patients/pat_1/history')).toEqual([{ answers: { aneurysmal_vascular_disease: 'yes' } }]);
    expect(server.calls().slice(-3)).toEqual(['POST /api/v1/patients/pat_1/history', 'GET /api/v1/patients/pat_1/history', 'GET /api/v1/patients/pat_1/screening']);
    expect(text('.history-questions [role="status"]')).toBe('Saved 1 answer.');
    expect(text('.unsaved-count')).toBe('');
  });

  it('lets a nurse add an interacting medication, which the header flags, and stop it after confirming', async () => {
    const server = fakeServer({ answers: [recorded('aneurysmal_vascular_disease', 'no'), recorded('pregnant', 'no')] });
    await open(['nurse'], server);
    expect(text('.safety-flags')).toBe('None');
    await click(buttonNamed('Add medication'));
    expect(text('[aria-labelledby="add-medication-heading"] [role="alert"]')).toBe('Enter the medication’s name.');
    await type('name', 'Lorazepam', '[aria-labelledby="add-medication-heading"]');
    await click(buttonNamed('Add medication'));
    expect(text('[aria-labelledby="add-medication-heading"] [role="alert"]')).toBe('Choose the class, or None when it does not interact with ketamine.');
    await type('class', 'benzodiazepine', '[aria-labelledby="add-medication-heading"]');
    await type('dose', '1 mg at night', '[aria-labelledby="add-medication-heading"]');
    await click(buttonNamed('Add medication'));
    expect(server.bodies('/api/v1/patients/pat_1/medications')).toEqual([{ name: 'Lorazepam', class: 'benzodiazepine', dose: '1 mg at night' }]);
    expect(text('.safety-flags')).toBe('Benzodiazepine');
    expect(text('[aria-labelledby="add-medication-heading"] [role="status"]')).toBe('Added Lorazepam.');

    await click(buttonNamed('Stop Lorazepam'));
    expect(text('dialog h2')).toBe('Stop Lorazepam?');
    expect(server.calls().filter((c) => c.endsWith('/stop'))).toEqual([]);
    await click(buttonNamed('Stop medication'));
    expect(server.calls().filter((c) => c.endsWith('/stop'))).toEqual(['POST /api/v1/patients/pat_1/medications/med_1/stop']);
    expect(container.querySelector('dialog')).toBeNull();
    expect(text('.safety-flags')).toBe('None');
    expect(text('.chart-table tr.stopped')).toContain('Stopped');
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    await open(['therapist'], fakeServer());
    const key = (k: string) => act(() => void container.querySelector('[role="tablist"]')?.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
    const selected = () => container.querySelector('[role="tab"][aria-selected="true"]')?.id;
    await key('ArrowRight');
    expect(selected()).toBe('tab-screening');
    expect(document.activeElement?.id).toBe('tab-screening');
    await key('ArrowRight');
    expect(selected()).toBe('tab-history');
    await key('End');
    expect(selected()).toBe('tab-screening');
    await key('Home');
    expect(selected()).toBe('tab-history');
    expect(container.querySelector('#tab-screening')?.getAttribute('tabindex')).toBe('-1');
  });

  it.each([['front_desk'], ['therapist']] as const)('gives %s a chart to read, with no controls', async (role) => {
    const server = fakeServer({ answers: [recorded('aneurysmal_vascular_disease', 'yes')] });
    await open([role], server);
    expect(buttons()).toEqual(['History', 'Screening']);
    expect(container.querySelectorAll('form, input, select, textarea')).toHaveLength(0);
    expect([...container.querySelectorAll('.answers-list dd')].map((dd) => dd.textContent)).toEqual(['Yes', 'Unknown']);
    expect(text('#panel-screening .finding-exclude')).toContain(EXCLUSION.reason);
  });

  it('shows the prescriber each finding beside its facts and requires an override reason against an exclusion', async () => {
    const server = fakeServer({ answers: [recorded('aneurysmal_vascular_disease', 'yes')] });
    await open(['prescriber'], server);
    await click(container.querySelector('#tab-screening'));
    expect(container.querySelector('#tab-screening')?.getAttribute('aria-selected')).toBe('true');
    expect(container.querySelector<HTMLElement>('#panel-history')?.hidden).toBe(true);
    const exclusion = container.querySelector('.finding-exclude .finding');
    expect(exclusion?.querySelector('.reason')?.textContent).toBe(EXCLUSION.reason);
    expect(exclusion?.querySelector('.finding-facts')?.textContent).toContain('Aneurysmal vascular disease: yes');
    expect(text('.finding-exclude h3')).toBe('Exclusions (1)');
    expect(text('.finding-supports')).toContain('None.');

    expect(container.querySelector('.override-box')).toBeNull();
    await click(choice('Decision', 'Not eligible'));
    expect(container.querySelector('.override-box')).toBeNull();
    await click(choice('Decision', 'Eligible'));
    expect(text('.override-box')).toContain('Override: this decision goes against an exclusion.');
    await type('reason', 'Benefit outweighs the risk.');
    await click(buttonNamed('Record decision'));
    expect(text('.override-box [role="alert"]')).toBe('Enter why treatment may go ahead despite the exclusion.');
    expect(document.activeElement?.getAttribute('name')).toBe('override_reason');
    expect(server.bodies('/api/v1/patients/pat_1/eligibility-decisions')).toEqual([]);

    await type('override_reason', 'Aneurysm repaired in 2019; vascular surgeon agrees.');
    await click(buttonNamed('Record decision'));
    expect(server.bodies('/api/v1/patients/pat_1/eligibility-decisions')).toEqual([
      { decision: 'eligible', reason: 'Benefit outweighs the risk.', override_reason: 'Aneurysm repaired in 2019; vascular surgeon agrees.' },
    ]);
    expect(text('.decision-form [role="status"]')).toBe('Recorded: Eligible, overriding an exclusion.');
    expect([...container.querySelectorAll('.chart-header .badge')].map((b) => b.textContent)).toEqual(['Eligible', 'Override', 'History incomplete']);
    expect(text('.latest-decision')).toContain('Aneurysm repaired in 2019');
  });

  it('shows the server’s override_reason error at its field even when this page saw no exclusion', async () => {
    // The server knows of an exclusion this page has not seen (a colleague answered meanwhile).
    const server = fakeServer({ serverOnlyExclusion: true });
    await open(['prescriber'], server);
    await click(choice('Decision', 'Eligible'));
    expect(container.querySelector('.override-box')).toBeNull();
    await type('reason', 'Low risk.');
    await click(buttonNamed('Record decision'));
    expect(server.bodies('/api/v1/patients/pat_1/eligibility-decisions')).toEqual([{ decision: 'eligible', reason: 'Low risk.', override_reason: '' }]);
    expect(text('.override-box [role="alert"]')).toBe('Say why this overrides an exclusion.');
    expect(document.activeElement?.getAttribute('name')).toBe('override_reason');
  });

  it('marks re-screening needed in the header and says why on the Screening tab', async () => {
    const decision: EligibilityDecision = {
      id: 'eld_1', decision: 'eligible', reason: 'OK', override: false, override_reason: '', rule_version: 'kc-test-1',
      decided_at: '2026-03-01T09:00:00Z', decided_by: 'prescriber@demo.test', needs_rescreen: true, rescreen_reason: 'A benzodiazepine was added after the decision.',
    };
    const server = fakeServer({ answers: [recorded('aneurysmal_vascular_disease', 'no'), recorded('pregnant', 'no')], decision });
    await open(['therapist'], server);
    expect([...container.querySelectorAll('.chart-header .badge')].map((b) => b.textContent)).toEqual(['Eligible', '⚠ Re-screening needed']);
    expect(text('.rescreen-warning')).toBe('Re-screening needed. A benzodiazepine was added after the decision.');
  });
});
