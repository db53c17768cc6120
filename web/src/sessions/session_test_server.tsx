// For the session screens' tests: a SessionView to start from, a fake server that
// answers the session calls (and records what was posted), and a fake live socket.
// Not a test file itself.
import { vi } from 'vitest';
import { ApiClient, type Fetch, type SessionAlarm, type SessionView, type StationTile, type VitalsReading } from '../api';
import { LiveClient, type SocketLike } from '../live/live_client';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

export function alarm(id: number, changes: Partial<SessionAlarm> = {}): SessionAlarm {
  return {
    id, rule_code: 'spo2_low', label: 'SpO2 below 92 %', priority: 'high', state: 'raised', condition_active: true, escalated: false,
    raised_at: minutesAgo(2), acknowledged_at: null, acknowledged_by: '', cleared_at: null, value: 89, ...changes,
  };
}

export function reading(minutes: number, values: Partial<VitalsReading> = {}): VitalsReading {
  return { at: minutesAgo(minutes), systolic_mmhg: 132, diastolic_mmhg: 84, heart_rate_bpm: 78, spo2_pct: 97, respiratory_rate_per_min: null, source: 'manual', ...values };
}

/** An IV session 20 minutes into dosing, with the clinic's SpO2 rule. */
export function sessionView(changes: Partial<SessionView> = {}): SessionView {
  return {
    id: 'ses_1', route: 'iv', state: 'dosing',
    patient: { id: 'pat_1', display_name: 'Ana Lima', age_years: 41, sex_at_birth: 'female' },
    appointment: { id: 'apt_1', start: minutesAgo(40), end: minutesAgo(-50), room_id: 'room_1', room_name: 'Room 1' },
    transitions: ['pause', 'stop_dosing', 'abort'], next_transition: 'stop_dosing', gates: [],
    check_in: { escort_confirmed: true, fasting_confirmed: false, pregnancy_applies: false, pregnancy_status_current: false, questionnaire_done: true, questionnaire_skip_reason: '', at: minutesAgo(35), by: 'nurse@demo.test' },
    pre_dose: { bp_limit_systolic_mmhg: 140, bp_limit_diastolic_mmhg: 90, above_limit: false, reading: null, bp_decision: 'none', bp_decision_reason: '', bp_decision_by: '' },
    dose_order: { id: 'dor_1', dose_mg: 35, volume_ml: 35, rate_ml_per_h: 52.5, infusion_minutes: 40, concentration_mg_per_ml: 1, devices: null },
    drug_lot: { lot: 'K1234', expiry_date: '2027-03-31' },
    infusion: [{ kind: 'start', at: minutesAgo(20), rate_ml_per_h: 52.5, reason: '', by: 'nurse@demo.test' }],
    devices: [], delivered: { volume_ml: 17.5, dose_mg: 17.5, running_minutes: 20 }, rescue_medicines: [], latest_vitals: reading(1),
    alarm_rules: [{ code: 'spo2_low', label: 'SpO2 below 92 %', priority: 'high', limbs: [{ sign: 'spo2_pct', direction: 'below', enter_at: 92, clear_at: 92 }] }],
    alarms: [], effects: [], aldrete: [],
    timers: { checked_in_at: minutesAgo(35), dose_started_at: minutesAgo(20), dose_ended_at: null, minimum_observation_minutes: 60, observation_until: null, bp_next_due: minutesAgo(-5), bp_overdue: false },
    discharge: { escort_present: false, instructions_given: false, override_reason: '', override_by: '', discharged_at: null, minimum_score: 9 },
    abort_reason: '', notes: [], follow_up_appointment_id: '', rems: { applies: false, due_on: '', submitted_on: '' },
    ...changes,
  };
}

type Answer = { status: number; body: unknown };
type Handler = (body: Record<string, unknown>) => Answer;

/** The fake server: `session` is what GET answers; `on` overrides a POST by its path after /sessions/ses_1. */
export function sessionServer(options: { session?: SessionView; vitals?: VitalsReading[]; tiles?: StationTile[]; on?: Record<string, Handler> } = {}) {
  const state = { session: options.session ?? sessionView(), vitals: options.vitals ?? [reading(10), reading(1)], tiles: options.tiles ?? [] };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const route = (method: string, path: string, body: Record<string, unknown>): Answer => {
    if (method === 'GET' && path === '/api/v1/sessions/ses_1') return { status: 200, body: state.session };
    if (method === 'GET' && path === '/api/v1/sessions/ses_1/vitals') return { status: 200, body: { items: state.vitals } };
    if (method === 'GET' && (path === '/api/v1/sessions' || path === '/api/v1/patients/pat_1/sessions')) return { status: 200, body: { items: state.tiles } };
    const sub = path.startsWith('/api/v1/sessions/ses_1/') ? path.slice('/api/v1/sessions/ses_1'.length) : null;
    if (method === 'POST' && sub !== null) {
      const custom = options.on?.[sub];
      if (custom) return custom(body);
      const ack = /^\/alarms\/(\d+)\/acknowledge$/.exec(sub);
      if (ack) {
        state.session = { ...state.session, alarms: state.session.alarms.map((a) => (a.id === Number(ack[1]) ? { ...a, state: 'acknowledged', acknowledged_by: 'nurse@demo.test' } : a)) };
        return { status: 200, body: state.session };
      }
      if (sub === '/vitals') return { status: 201, body: { accepted: 1, alarm_events: [] } };
      return { status: 200, body: state.session };
    }
    if (method === 'POST' && path === '/api/v1/sessions') return { status: 201, body: state.session };
    return { status: 404, body: { error: { code: 'not_found', message: 'No such route.' } } };
  };
  const fetchFn = vi.fn<Fetch>((url, init) => {
    const { pathname } = new URL(url, 'http://x');
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const answer = route(init.method ?? 'GET', pathname, body);
    return Promise.resolve(json(answer.status, answer.body));
  });
  const calls = () => fetchFn.mock.calls.map(([url, init]) => `${init.method ?? 'GET'} ${url}`);
  const posted = (suffix: string) => fetchFn.mock.calls.filter(([url, init]) => init.method === 'POST' && url.endsWith(suffix)).map(([, init]) => JSON.parse(init.body as string) as unknown);
  return { api: new ApiClient(fetchFn), state, calls, posted };
}

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  close() {}
  send(message: object) {
    this.onmessage?.call(this, { data: JSON.stringify(message) });
  }
  drop() {
    this.onclose?.call(this, {});
  }
}

/** A live client on fake sockets whose reconnection is immediate; `socket()` is the current one. */
export function fakeLive() {
  const sockets: FakeSocket[] = [];
  const client = new LiveClient({
    base: 'ws://clinic.test',
    open: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    setTimer: (fn) => {
      fn();
      return 0;
    },
    clearTimer: () => {},
  });
  return { client, socket: () => sockets[sockets.length - 1] as FakeSocket };
}
