// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../api';
import { buttonNamed, buttons, click, container, settle, text, type } from '../chart/chart_test_server';
import { startLive, stopLive } from '../live/live_client';
import { RoutedPage } from '../shell/RoutedPage';
import { alarm, fakeLive, reading, sessionServer, sessionView } from './session_test_server';

afterEach(() => {
  render(null, container);
  stopLive();
});

async function openConsole(server: ReturnType<typeof sessionServer>, roles: Role[] = ['nurse']) {
  await act(() => render(<RoutedPage path="/sessions/ses_1" roles={roles} clinicId="cln_1" api={server.api} />, container));
  await settle();
}
const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));
const refused = (code: string, message: string, field: string, status = 409) => () => ({ status, body: { error: { code, message, field } } });

describe('the session console', () => {
  it('shows who, where, the state, the timers and the readings', async () => {
    await openConsole(sessionServer());
    expect(text('.session-header h1')).toBe('Ana Lima · IV infusion');
    expect(text('.session-header .session-state')).toBe('Dosing');
    expect(text('.session-header')).toContain('Room 1');
    const timers = [...container.querySelectorAll('.timer dt')].map((dt) => dt.textContent);
    expect(timers).toEqual(['Since check-in', 'Since dose start', 'Since dose end', 'Observation remaining', 'Blood pressure next due']);
    expect(text('.timer:nth-child(2) dd')).toMatch(/^20 min/);
    expect(container.querySelectorAll('.vitals-table tbody tr')).toHaveLength(2);
    expect(text('.vitals-chart figcaption')).toContain('alarm thresholds: SpO2 below 92 %');
    expect(text('.dose-figures')).toContain('17.5 mg (17.5 mL)');
  });

  it('puts an unacknowledged high-priority alarm in the alert region first, and acknowledges it', async () => {
    const server = sessionServer({ session: sessionView({ alarms: [alarm(1, { priority: 'medium', label: 'HR above 120 for 5 min' }), alarm(2)] }) });
    await openConsole(server);
    const loud = container.querySelector('.alarm-banner [role="alert"]');
    expect(loud?.textContent).toContain('High priority');
    expect(loud?.textContent).toContain('SpO2 below 92 %');
    expect(loud?.textContent).toContain('Not acknowledged, still out of range');
    expect(text('.alarm-banner [role="status"]')).toContain('HR above 120 for 5 min');
    await click(container.querySelector('[aria-label="Acknowledge SpO2 below 92 %"]'));
    expect(server.calls()).toContain('POST /api/v1/sessions/ses_1/alarms/2/acknowledge');
    expect(container.querySelector('.alarm-banner [role="alert"]')?.textContent).toBe('');
    expect(text('.alarm-banner [role="status"]')).toContain('Acknowledged by nurse@demo.test');
  });

  it('shows a refused step next to the gate the server named', async () => {
    const gates = [
      { gate: 'observation_time', state: 'failed' as const, code: 'observation_too_short', message: 'The minimum observation time for this route has not passed yet.' },
      { gate: 'escort_present', state: 'failed' as const, code: 'escort_absent', message: 'The escort who takes the patient home must be present.' },
    ];
    const server = sessionServer({
      session: sessionView({ state: 'observing', transitions: ['ready_for_discharge', 'abort'], next_transition: 'ready_for_discharge', gates }),
      on: { '/transitions': refused('escort_absent', 'The escort who takes the patient home must be present.', 'escort_present') },
    });
    await openConsole(server);
    expect(text('#session-gates-heading')).toBe('Before “Ready for discharge”');
    expect(text('.session-gates .readiness-verdict')).toBe('2 gates missing: see below.');
    await click(buttonNamed('Ready for discharge'));
    const escort = [...container.querySelectorAll('.gate-list li')].find((li) => li.textContent.includes('Escort present'));
    expect(escort?.querySelector('[role="alert"]')?.textContent).toBe('Refused: The escort who takes the patient home must be present.');
    expect(server.posted('/transitions')).toEqual([{ transition: 'ready_for_discharge' }]);
  });

  it('asks the reason before ending a session early', async () => {
    const server = sessionServer();
    await openConsole(server);
    await click(buttonNamed('End session early'));
    expect(container.querySelector('form[aria-label="End session early"]')).not.toBeNull();
    await click(container.querySelector('form[aria-label="End session early"] button[type="submit"]'));
    expect(text('.session-steps .field-error')).toBe('Give the reason for ending the session early.');
    expect(server.posted('/transitions')).toEqual([]);
    await type('reason', 'Patient asked to stop', 'form[aria-label="End session early"]');
    await click(container.querySelector('form[aria-label="End session early"] button[type="submit"]'));
    expect(server.posted('/transitions')).toEqual([{ transition: 'abort', reason: 'Patient asked to stop' }]);
  });

  it('refuses an impossible reading before sending, and shows the server’s error at its field', async () => {
    const server = sessionServer({ on: { '/vitals': refused('validation_failed', 'Systolic 400 mmHg is not possible.', 'readings[0].systolic_mmhg', 422) } });
    await openConsole(server);
    await type('readings[0].spo2_pct', '104');
    await click(buttonNamed('Record reading'));
    expect(container.querySelector('[name="readings[0].spo2_pct"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(server.posted('/vitals')).toEqual([]);
    await type('readings[0].spo2_pct', '98');
    await type('readings[0].systolic_mmhg', '400');
    await type('readings[0].diastolic_mmhg', '80');
    await click(buttonNamed('Record reading'));
    expect(server.posted('/vitals')).toEqual([{ source: 'manual', readings: [{ systolic_mmhg: 400, diastolic_mmhg: 80, spo2_pct: 98 }] }]);
    expect(container.querySelector('[name="readings[0].systolic_mmhg"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(text('.vitals-form .field-error')).toBe('Systolic 400 mmHg is not possible.');
  });

  it('asks a narrative for a serious adverse event', async () => {
    const server = sessionServer({ on: { '/effects': refused('validation_failed', 'Say what was given.', 'intervention', 400) } });
    await openConsole(server);
    await type('kind', 'respiratory_depression');
    await type('severity', 'severe');
    await click(container.querySelector('[name="serious"]'));
    await click(buttonNamed('Record effect'));
    expect(container.querySelector('[name="narrative"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.getAttribute('name')).toBe('narrative');
    expect(server.posted('/effects')).toEqual([]);
    await type('narrative', 'SpO2 86 %, jaw thrust, recovered in 2 min.');
    await click(buttonNamed('Record effect'));
    expect(server.posted('/effects')).toHaveLength(1);
    expect(container.querySelector('[name="intervention"]')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('reads the session again on its live events and after a reconnection, not on other sessions’', async () => {
    const server = sessionServer();
    const live = fakeLive();
    startLive(live.client);
    live.socket().send({ type: 'hello', stream: 's', seq: 1 });
    await openConsole(server);
    const reads = () => server.calls().filter((c) => c === 'GET /api/v1/sessions/ses_1').length;
    expect(reads()).toBe(1);
    server.state.session = sessionView({ alarms: [alarm(5)] });
    live.socket().send({ type: 'alarm.raised', seq: 2, data: { session_id: 'ses_2' } });
    await wait(300);
    expect(reads()).toBe(1);
    live.socket().send({ type: 'alarm.raised', seq: 3, data: { session_id: 'ses_1', alarm_id: 5 } });
    live.socket().send({ type: 'alarm.escalated', seq: 4, data: { session_id: 'ses_1', alarm_id: 5 } });
    await wait(300);
    expect(reads()).toBe(2);
    expect(text('.alarm-banner [role="alert"]')).toContain('SpO2 below 92 %');
    live.socket().drop();
    live.socket().send({ type: 'hello', stream: 's', seq: 4 });
    await wait(300);
    expect(reads()).toBe(3);
  });

  it('gives a therapist the session to read and the integration note, without the nurse’s controls', async () => {
    const server = sessionServer({ vitals: [reading(3)] });
    await openConsole(server, ['therapist']);
    expect(buttons()).not.toContain('Record reading');
    expect(buttons()).not.toContain('Pause dosing');
    expect(container.querySelector('[name="text"]')).not.toBeNull();
    await type('text', 'Talked through the imagery.');
    await click(buttonNamed('Save note'));
    expect(server.posted('/notes')).toEqual([{ text: 'Talked through the imagery.' }]);
  });

  it('says so when the session does not exist', async () => {
    const server = sessionServer();
    await act(() => render(<RoutedPage path="/sessions/ses_404" roles={['nurse']} clinicId="cln_1" api={server.api} />, container));
    await settle();
    expect(text('h1')).toBe('Session not found');
  });
});
