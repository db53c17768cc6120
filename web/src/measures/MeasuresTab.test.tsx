// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../api';
import { buttonNamed, buttons, CHART_LOAD, choice, click, container, open, settle, text, type } from '../chart/chart_test_server';
import { PHQ9, PRESCRIBER, phq9Response } from './measures_fixtures';
import { MeasuresTab } from './MeasuresTab';
import { measuresServer, type MeasuresFakeOptions } from './measures_test_server';

afterEach(() => render(null, container));

const MEASURES_LOAD = ['GET /api/v1/patients/pat_1/measures', 'GET /api/v1/instruments'];
const BASELINE = phq9Response('rsp_1', '2026-11-01T10:00:00.000Z', 2); // total 16, Moderately severe
const LATER = phq9Response('rsp_2', '2026-11-15T10:00:00.000Z', 0); // total 0

async function openMeasures(roles: Role[], options: MeasuresFakeOptions = {}) {
  const server = measuresServer(options);
  await open(roles, server);
  await click(container.querySelector('#tab-measures'));
  await settle();
  return server;
}

const section = (heading: string) => [...container.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === heading);
const answer = (question: number, label: string) => choice(`${question}. PHQ9 question ${question}`, label);
async function answerAll(label: string, item9 = label) {
  for (let q = 1; q <= 9; q++) await click(answer(q, q === 9 ? item9 : label));
}

describe('the Measures tab', () => {
  it('reads the measures only when opened, and shows each instrument’s outcome and trajectory', async () => {
    const server = await openMeasures(['prescriber'], { responses: [LATER, BASELINE], sessionDays: ['2026-11-08'], responsible: PRESCRIBER });
    expect(server.calls().slice(0, CHART_LOAD.length)).toEqual(CHART_LOAD);
    expect(server.calls().slice(CHART_LOAD.length, CHART_LOAD.length + 2)).toEqual(MEASURES_LOAD);
    const phq9 = section('PHQ-9');
    expect(phq9?.querySelector('.outcome-summary')?.textContent).toMatch(/^Baseline16 on 2026-11-0[12]Latest0 \(None–minimal\) on 2026-11-1[56]Change\u221216 points \(\u2212100%\)$/);
    expect([...(phq9?.querySelectorAll('.badge') ?? [])].map((b) => b.textContent)).toEqual(['Response', 'Remission']);
    expect(phq9?.querySelector('figure')?.getAttribute('aria-label')).toBe('PHQ-9 scores over time');
    expect(phq9?.querySelector('caption')?.textContent).toBe('PHQ-9 scores');
    expect([...(phq9?.querySelectorAll('tbody td:first-of-type') ?? [])].map((td) => td.textContent)).toEqual(['16', '0']);
    expect(section('GAD-7')).toBeUndefined();
    expect(text('.responsible-now')).toBe('Dr Priya Shah (prescriber@demo.test)');
  });

  it('says so when nothing is scored, due or scheduled yet', async () => {
    await openMeasures(['therapist']);
    expect(text('#scores-heading + p')).toContain('No submitted questionnaires yet.');
    expect(section('Due questionnaires')?.textContent).toContain('Nothing due.');
    expect(section('Questionnaire responses')?.textContent).toContain('No responses yet.');
    expect(section('Responsible clinician')?.textContent).toContain('None named: risk tasks go to any prescriber.');
  });

  it('lists due questionnaires with overdue first and the missed count', async () => {
    const patient = { id: 'pat_1', name: 'Okafor, Maya' };
    await openMeasures(['nurse'], {
      due: [
        { patient, instrument: 'gad7', rule: 'monthly', due_on: '2026-11-01', overdue: false, missed: 0 },
        { patient, instrument: 'phq9', rule: 'weekly', due_on: '2026-11-14', overdue: true, missed: 2 },
      ],
    });
    const items = [...(section('Due questionnaires')?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(items).toEqual(['PHQ-9 · Weekly · due 2026-11-14 Overdue Missed 2 earlier due dates', 'GAD-7 · Monthly · due 2026-11-01 ']);
  });

  it('lets a nurse record a PHQ-9: every question is needed, and a question 9 above 0 shows the risk and the task', async () => {
    const server = await openMeasures(['nurse'], { responses: [BASELINE] });
    await type('instrument', 'phq9');
    expect(text('#answers-form-heading')).toBe(PHQ9.title);
    expect(container.querySelectorAll('.questionnaire-items fieldset')).toHaveLength(9);
    await click(answer(1, 'Several days'));
    await click(buttonNamed('Submit'));
    expect(text('.questionnaire-items .field-error')).toBe('Answer question 2.');
    expect(document.activeElement?.getAttribute('name')).toBe('answers.phq9_2');
    expect(server.bodies('/api/v1/patients/pat_1/responses')).toEqual([]);

    await answerAll('Several days');
    expect(text('.answered-count')).toBe('9 of 9 answered');
    await click(buttonNamed('Submit'));
    expect(server.bodies('/api/v1/patients/pat_1/responses')).toEqual([{ instrument: 'phq9', answers: Object.fromEntries(PHQ9.items.map((i) => [i.code, 1])), submit: true }]);
    const result = container.querySelector('.record-result');
    expect(result?.getAttribute('role')).toBe('alert');
    expect(result?.textContent).toContain('Submitted PHQ-9: total 9 (Mild).');
    expect(result?.textContent).toContain('PHQ-9 question 9 (thoughts of self-harm) answered "Several days".');
    expect(result?.textContent).toContain('A high-priority task was raised');
    expect(result?.querySelector('a')?.getAttribute('href')).toBe('/inbox');
    expect(document.activeElement).toBe(result);
    expect(container.querySelector('.answers-form')).toBeNull();
    expect(server.calls().at(-1)).toBe('GET /api/v1/patients/pat_1/measures');
    expect([...(section('PHQ-9')?.querySelectorAll('tbody td:first-of-type') ?? [])].map((td) => td.textContent)).toEqual(['16', '9']);
  });

  it('says plainly when a submission raised no risk signal', async () => {
    await openMeasures(['nurse']);
    await type('instrument', 'phq9');
    await answerAll('Not at all');
    await click(buttonNamed('Submit'));
    const result = container.querySelector('.record-result');
    expect(result?.getAttribute('role')).toBe('status');
    expect(result?.textContent).toBe('Submitted PHQ-9: total 0 (None–minimal).');
  });

  it('saves a partial draft and submits it later as the same response', async () => {
    const server = await openMeasures(['therapist']);
    await type('instrument', 'phq9');
    await click(answer(1, 'Nearly every day'));
    await click(answer(2, 'Not at all'));
    await click(buttonNamed('Save draft'));
    expect(server.bodies('/api/v1/patients/pat_1/responses')).toEqual([{ instrument: 'phq9', answers: { phq9_1: 3, phq9_2: 0 }, submit: false }]);
    expect(text('.answers-form [role="status"]')).toBe('Draft saved: 2 of 9 answered.');
    expect(section('Questionnaire responses')?.querySelector('tbody tr')?.textContent).toContain('In progress');

    await answerAll('Not at all');
    await click(buttonNamed('Submit'));
    expect(server.bodies('/api/v1/patients/pat_1/responses')[1]).toMatchObject({ submit: true, response_id: 'rsp_1' });
  });

  it('continues a staff draft from the responses list', async () => {
    const draft = { ...phq9Response('rsp_5', '2026-11-02T10:00:00.000Z', 1), status: 'in_progress' as const, total: null, band: null, submitted_at: null, answers: { phq9_1: 2 } };
    const server = await openMeasures(['nurse'], { responses: [draft] });
    await click(buttonNamed('Continue PHQ-9 draft'));
    expect(document.activeElement?.id).toBe('answers-form-heading');
    expect(text('#answers-form-heading')).toMatch(/^PHQ-9: continue the draft started 2026-11-0[23]/);
    expect(answer(1, 'More than half the days')?.checked).toBe(true);
    await answerAll('Not at all');
    await click(buttonNamed('Submit'));
    expect(server.bodies('/api/v1/patients/pat_1/responses')).toMatchObject([{ response_id: 'rsp_5', submit: true }]);
  });

  it('amends a submitted response with a reason; the old one then says it was amended', async () => {
    const server = await openMeasures(['nurse'], { responses: [BASELINE] });
    const amend = [...container.querySelectorAll('button')].find((b) => b.textContent.startsWith('Amend PHQ-9 of '));
    await click(amend);
    expect(document.activeElement?.id).toBe('answers-form-heading');
    expect(text('#answers-form-heading')).toMatch(/^Amend PHQ-9 of 2026-11-0[12]/);
    expect(container.querySelector('[name="instrument"]')).toBeNull();
    expect(buttons()).not.toContain('Save draft');
    expect(answer(3, 'More than half the days')?.checked).toBe(true);
    await click(answer(3, 'Not at all'));
    await click(buttonNamed('Submit amendment'));
    expect(text('.answers-form .field-error')).toBe('Say why the submitted answers are being amended.');
    expect(document.activeElement?.getAttribute('name')).toBe('amendment_reason');
    await type('amendment_reason', 'Question 3 was entered on the wrong line.');
    await click(buttonNamed('Submit amendment'));
    expect(server.bodies('/api/v1/patients/pat_1/responses')).toMatchObject([{ submit: true, amends: 'rsp_1', amendment_reason: 'Question 3 was entered on the wrong line.', answers: { phq9_3: 0 } }]);
    expect(text('.record-result')).toBe('Submitted the amendment to PHQ-9: total 14 (Moderate).');
    const rows = [...(section('Questionnaire responses')?.querySelectorAll('tbody tr') ?? [])];
    expect(rows[0]?.textContent).toContain('Amends an earlier response: Question 3 was entered on the wrong line.');
    expect(rows[1]?.textContent).toContain('Amended by a later response');
    expect(rows[1]?.querySelector('button')).toBeNull();
  });

  it('sends a link to patient questionnaires only, then shows it once with the message that went out', async () => {
    const server = await openMeasures(['nurse']);
    const form = section('Send questionnaire link');
    expect([...(form?.querySelectorAll('.choices label') ?? [])].map((l) => l.textContent)).toEqual(['PHQ-9', 'GAD-7', 'PCL-5']);
    await click(buttonNamed('Create link'));
    expect(text('.send-link .field-error')).toBe('Choose at least one questionnaire.');
    await click(choice('Questionnaires for the patient', 'PHQ-9'));
    await click(choice('Questionnaires for the patient', 'GAD-7'));
    await click(buttonNamed('Create link'));
    expect(server.bodies('/api/v1/patients/pat_1/questionnaire-links')).toEqual([{ instruments: ['phq9', 'gad7'] }]);
    expect(container.querySelector<HTMLInputElement>('.created-link input')?.value).toBe(`${window.location.origin}/q/cln_1/tok_secret`);
    expect(text('.created-link')).toContain('The link is shown only now');
    expect(text('.message-body')).toBe('Hello Maya,\nPlease fill in: /q/cln_1/tok_secret');
    expect(text('.send-link [role="status"]')).toBe('Link created. The message went to the outbox.');
    expect(text('.sent-links')).toContain('PHQ-9, GAD-7 · Open');
    expect(buttons()).toContain('Copy');
  });

  it('fills the standard schedule, lets the user edit it, and saves it whole', async () => {
    const server = await openMeasures(['nurse'], { schedule: [{ instrument: 'gad7', rule: 'monthly', start: '2026-01-01', end: null, interval_days: 0 }] });
    expect(container.querySelectorAll('.schedule-row')).toHaveLength(1);
    await click(buttonNamed('Standard schedule'));
    expect(container.querySelectorAll('.schedule-row')).toHaveLength(4);
    await click(buttonNamed('Remove row 2'));
    await click(buttonNamed('Add row'));
    await type('entries[3].instrument', 'pcl5');
    await type('entries[3].rule', 'follow_up');
    await click(buttonNamed('Save schedule'));
    expect(text('.schedule .field-error')).toBe('Enter the days between follow-ups: a whole number from 1 to 365.');
    expect(document.activeElement?.getAttribute('name')).toBe('entries[3].interval_days');
    await type('entries[3].interval_days', '30');
    await click(buttonNamed('Save schedule'));
    const [sent] = server.bodies('/api/v1/patients/pat_1/schedule') as [{ entries: { instrument: string; rule: string; interval_days: number }[] }];
    expect(sent.entries.map((e) => `${e.instrument} ${e.rule} ${e.interval_days}`)).toEqual(['phq9 baseline 0', 'phq9 weekly 0', 'phq9 monthly 0', 'pcl5 follow_up 30']);
    expect(text('.schedule [role="status"]')).toBe('Schedule saved: 4 entries.');
    expect(section('Due questionnaires')?.textContent).toContain('PHQ-9 · Weekly · due 2026-11-28');
  });

  it('shows the server’s schedule problem at the field it names', async () => {
    await openMeasures(['nurse'], { schedule: [{ instrument: 'gad7', rule: 'monthly', start: '2026-01-01', end: null, interval_days: 0 }] });
    await type('entries[0].start', '1999-01-01');
    await click(buttonNamed('Save schedule'));
    expect(text('.schedule .field-error')).toBe('The start is too early.');
    expect(document.activeElement?.getAttribute('name')).toBe('entries[0].start');
  });

  it('names a responsible clinician from the clinic’s prescribers', async () => {
    const server = await openMeasures(['nurse']);
    expect(server.calls()).toContain('GET /api/v1/clinicians');
    await type('user_id', 'usr_p');
    await click(buttonNamed('Save'));
    expect(server.bodies('/api/v1/patients/pat_1/responsible-clinician')).toEqual([{ user_id: 'usr_p' }]);
    expect(text('.responsible-now')).toBe('Dr Priya Shah (prescriber@demo.test)');
    expect(text('.responsible-clinician [role="status"]')).toBe('Dr Priya Shah is now responsible.');
    await type('user_id', '');
    await click(buttonNamed('Save'));
    expect(server.bodies('/api/v1/patients/pat_1/responsible-clinician')[1]).toEqual({ user_id: null });
    expect(text('.responsible-now')).toBe('None named: risk tasks go to any prescriber.');
  });

  it('gives the front desk no Measures tab at all', async () => {
    const server = measuresServer();
    await open(['front_desk'], server);
    expect(container.querySelector('#tab-measures')).toBeNull();
    expect(server.calls().some((c) => c.includes('measures'))).toBe(false);
  });

  it('offers no controls to a reader who may not record', async () => {
    const server = measuresServer({ responses: [BASELINE], schedule: [{ instrument: 'phq9', rule: 'follow_up', start: '2026-11-21', end: null, interval_days: 14 }] });
    await act(() => render(<MeasuresTab api={server.api} patientId="pat_1" canRecord={false} />, container));
    await settle();
    expect(container.querySelectorAll('form, input, select, textarea, button')).toHaveLength(0);
    expect(section('Questionnaire schedule')?.textContent).toContain('PHQ-9 · Follow-up every 14 days · from 2026-11-21');
    expect(server.calls()).not.toContain('GET /api/v1/clinicians');
  });

  it('says when the measures cannot be loaded and tries again', async () => {
    await openMeasures(['nurse'], { measuresFail: true });
    expect(text('#panel-measures [role="alert"]')).toBe('The measures could not be loaded: The server failed. Try again');
    expect(buttonNamed('Try again')).toBeDefined();
  });
});
