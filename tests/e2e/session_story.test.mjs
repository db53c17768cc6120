// A monitored IV session through the real binary, on the server's test clock
// (KETACLINIC_TEST_CLOCK_FILE): a nurse opens the session of a booked dosing
// appointment and checks the patient in; each refused transition names the gate
// that failed; a pre-dose pressure above 140/90 needs a recorded decision; the drug's
// lot is recorded; dosing starts at the order's pump rate. A scripted hypertension
// episode raises exactly one alarm per rule and episode, each received on the
// prescriber's WebSocket; a high-priority SpO2 alarm left unacknowledged escalates;
// a monitor that stops sending raises the technical alarm. Discharge is blocked until
// the Aldrete score, the escort and the instructions allow it. Every alarm event is
// in the audit trail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, stopServers } from './helpers.mjs';
import { openWebSocket } from './ws_client.mjs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let server;
let clockDir;
let clockFile;
let offsetMs = 0;
const tokens = {};
const staff = {};
let patientId;
let appointmentId;
let sessionId;
let orderRate;
let roomId;
const sockets = [];

async function signIn() {
  const roles = Object.keys(DEMO_USERS);
  const got = await Promise.all(roles.map((r) => bearerLogin(server.url, DEMO_USERS[r])));
  roles.forEach((r, i) => { tokens[r] = got[i]; });
}
async function advance(ms) {
  offsetMs += ms;
  writeFileSync(clockFile, String(Math.round(offsetMs)));
  await signIn();
}
const serverNow = () => Date.now() + offsetMs;
const today = () => new Date(serverNow()).toISOString().slice(0, 10);
const api = (role, method, path, body) => call(server.url, method, `/api/v1${path}`, { token: tokens[role], body });

async function live(role) {
  const s = await openWebSocket(`${server.url}/api/v1/live`, { Authorization: `Bearer ${tokens[role]}` });
  assert.equal(s.status, 101, s.text);
  sockets.push(s);
  assert.equal((await s.next()).type, 'hello');
  return s;
}
/** The next event of one of `types` on `socket` (others are skipped). */
async function nextOf(socket, types, timeoutMs = 4000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const left = until - Date.now();
    assert.ok(left > 0, `no ${types.join('/')} event within ${timeoutMs} ms`);
    const e = await socket.next(left);
    if (types.includes(e.type)) return e;
  }
}
const vitals = (readings, source = 'manual') => api('nurse', 'POST', `/sessions/${sessionId}/vitals`, { source, readings });
const move = (transition, extra = {}) => api('nurse', 'POST', `/sessions/${sessionId}/transitions`, { transition, ...extra });
const refused = (r, code, field) => {
  assert.equal(r.status, 409, r.text);
  assert.equal(r.json.error.code, code, r.text);
  if (field) assert.equal(r.json.error.field, field, r.text);
};

before(async () => {
  clockDir = mkdtempSync(join(tmpdir(), 'ketaclinic-clock-'));
  clockFile = join(clockDir, 'offset');
  // Start at the next 08:00 UTC at least an hour away, so the whole session is one day.
  const start = new Date(Date.now() + HOUR);
  start.setUTCHours(8, 0, 0, 0);
  if (start.getTime() < Date.now() + HOUR) start.setUTCDate(start.getUTCDate() + 1);
  offsetMs = start.getTime() - Date.now();
  writeFileSync(clockFile, String(offsetMs));
  server = await startServer({ env: { KETACLINIC_TEST_CLOCK_FILE: clockFile } });
  await signIn();
  patientId = (await api('nurse', 'GET', '/patients?q=Delgado')).json.items[0].id;
  for (const u of (await api('admin', 'GET', '/users?limit=200')).json.items) staff[u.email.split('@')[0]] = u.id;

  // Everything settled before the day: eligible, consent signed and countersigned, a
  // dose ordered for today and verified by a second clinician, a recent weight.
  assert.equal((await api('prescriber', 'POST', `/patients/${patientId}/diagnoses`, { code: 'F33.2' })).status, 201);
  const weight = await api('nurse', 'POST', `/patients/${patientId}/measurements`, { weight_kg: 70, measured_on: today() });
  assert.equal(weight.status, 201, weight.text);
  const decided = await api('prescriber', 'POST', `/patients/${patientId}/eligibility-decisions`,
    { decision: 'eligible', reason: 'Recurrent depression, two adequate trials without response' });
  assert.equal(decided.status, 201, decided.text);
  const doc = (await api('nurse', 'GET', '/consent-documents')).json.items.find((d) => d.kind === 'iv' && d.status === 'published');
  const shown = await api('nurse', 'GET', `/patients/${patientId}/consent-documents/${doc.id}`);
  const signed = await api('nurse', 'POST', `/patients/${patientId}/consents`,
    { document_id: doc.id, typed_name: 'Rosa Delgado', acknowledged_sections: shown.json.sections });
  assert.equal(signed.status, 201, signed.text);
  assert.equal((await api('prescriber', 'POST', `/consents/${signed.json.id}/countersign`)).status, 200);
  const order = await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, {
    route: 'iv', dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40 }, concentration_mg_per_ml: 1, planned_for: today(),
  });
  assert.equal(order.status, 201, order.text);
  const checked = await api('nurse', 'POST', `/dose-orders/${order.json.id}/double-check`, { weight_kg: 70, concentration_mg_per_ml: 1 });
  assert.equal(checked.status, 200, checked.text);
  orderRate = checked.json.rate_ml_per_h;

  const room = (await api('front_desk', 'GET', '/rooms')).json.items[0];
  const booked = await api('front_desk', 'POST', '/appointments', {
    type: 'dosing_session', route: 'iv', patient_id: patientId, room_id: room.id, staff_ids: [staff.nurse],
    start: new Date(serverNow() + 10 * MINUTE).toISOString(), duration_minutes: 120,
  });
  assert.equal(booked.status, 201, booked.text);
  appointmentId = booked.json.appointment.id;
  roomId = room.id;
});
after(async () => {
  for (const s of sockets) s.close();
  await stopServers(server);
  if (clockDir) rmSync(clockDir, { recursive: true, force: true });
});

test('a nurse opens the session once; a second open returns the same one', async () => {
  const opened = await api('nurse', 'POST', '/sessions', { appointment_id: appointmentId });
  assert.equal(opened.status, 201, opened.text);
  sessionId = opened.json.id;
  assert.equal(opened.json.state, 'scheduled');
  assert.equal(opened.json.route, 'iv');
  assert.equal(opened.json.patient.id, patientId);
  assert.deepEqual(opened.json.transitions, ['check_in', 'abort']);
  const again = await api('prescriber', 'POST', '/sessions', { appointment_id: appointmentId });
  assert.equal(again.status, 200);
  assert.equal(again.json.id, sessionId);
  assert.equal((await api('front_desk', 'POST', '/sessions', { appointment_id: appointmentId })).status, 403);
  assert.equal((await api('therapist', 'GET', `/sessions/${sessionId}`)).status, 200, 'the therapist follows it');
});

test('check-in, then each refused step names its gate until the patient is ready', async () => {
  refused(await move('mark_ready'), 'transition_not_allowed', 'transition');
  let r = await api('nurse', 'POST', `/sessions/${sessionId}/check-in`,
    { escort_confirmed: true, pregnancy_status_current: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.state, 'checked_in');
  assert.equal(r.json.check_in.by, DEMO_USERS.nurse);
  refused(await move('mark_ready'), 'questionnaire_missing', 'questionnaire');

  r = await api('nurse', 'POST', `/sessions/${sessionId}/check-in`,
    { escort_confirmed: true, pregnancy_status_current: true, questionnaire_skip_reason: 'Declined today' });
  assert.equal(r.status, 200, r.text);
  refused(await move('mark_ready'), 'pre_dose_vitals_missing', 'vital_signs');

  r = await vitals([{ systolic_mmhg: 150, diastolic_mmhg: 95, heart_rate_bpm: 80, spo2_pct: 98 }]);
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json.alarm_events, [], '150/95 raises no alarm');
  refused(await move('mark_ready'), 'bp_decision_missing', 'bp_decision');
  const view = await api('nurse', 'GET', `/sessions/${sessionId}`);
  assert.equal(view.json.pre_dose.above_limit, true);
  assert.equal(view.json.pre_dose.reading.systolic_mmhg, 150);

  const noReason = await api('nurse', 'POST', `/sessions/${sessionId}/bp-decision`, { decision: 'proceed' });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.json.error.field, 'reason');
  r = await api('prescriber', 'POST', `/sessions/${sessionId}/bp-decision`,
    { decision: 'proceed', reason: 'Anxious on arrival; usual pressure 135/85' });
  assert.equal(r.status, 200, r.text);
  r = await move('mark_ready');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.state, 'ready_to_dose');
});

test('dosing starts once the lot is recorded, at the order\'s pump rate', async () => {
  refused(await move('start_dosing'), 'drug_lot_missing', 'drug_lot');
  const expired = await api('nurse', 'POST', `/sessions/${sessionId}/drug-lot`, { lot: 'K1234', expiry_date: '2020-01-31' });
  assert.equal(expired.status, 400, expired.text);
  assert.equal(expired.json.error.field, 'expiry_date');
  assert.equal((await api('nurse', 'POST', `/sessions/${sessionId}/drug-lot`, { lot: 'K1234', expiry_date: '2099-12-31' })).status, 200);
  const r = await move('start_dosing');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.state, 'dosing');
  assert.equal(r.json.infusion[0].kind, 'start');
  assert.equal(r.json.infusion[0].rate_ml_per_h, orderRate);
  assert.equal(r.json.dose_order.status, 'verified');
  assert.ok(r.json.timers.bp_next_due, 'a blood pressure is due while dosing');
});

test('impossible readings are refused naming the field, and nothing of the batch is kept', async () => {
  const before = (await api('nurse', 'GET', `/sessions/${sessionId}/vitals`)).json.items.length;
  let r = await vitals([{ heart_rate_bpm: 80, spo2_pct: 97 }, { spo2_pct: 101 }]);
  assert.equal(r.status, 400, r.text);
  assert.equal(r.json.error.field, 'readings[1].spo2_pct');
  r = await vitals([{ systolic_mmhg: 80, diastolic_mmhg: 90 }]);
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'readings[0].diastolic_mmhg');
  r = await vitals([{ heart_rate_bpm: 0 }]);
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'readings[0].heart_rate_bpm');
  assert.equal((await api('nurse', 'GET', `/sessions/${sessionId}/vitals`)).json.items.length, before);
});

test('a hypertension episode: one alarm per rule and episode, each on the WebSocket', async () => {
  const ws = await live('prescriber');
  await advance(5 * MINUTE);
  let r = await vitals([{ systolic_mmhg: 182, diastolic_mmhg: 112, heart_rate_bpm: 96, spo2_pct: 97 }]);
  assert.deepEqual(r.json.alarm_events, [], '180/110 must be confirmed on a second reading');
  await advance(5 * MINUTE);
  r = await vitals([{ systolic_mmhg: 185, diastolic_mmhg: 113, heart_rate_bpm: 98, spo2_pct: 97 }]);
  assert.equal(r.json.alarm_events.length, 1, r.text);
  const high = r.json.alarm_events[0];
  assert.equal(high.rule_code, 'bp_high');
  assert.equal(high.event, 'raised');
  assert.equal(high.priority, 'medium');
  const event = await nextOf(ws, ['alarm.raised']);
  assert.equal(event.data.session_id, sessionId);
  assert.equal(event.data.rule_code, 'bp_high');

  r = await vitals([{ systolic_mmhg: 186, diastolic_mmhg: 114 }]);
  assert.deepEqual(r.json.alarm_events, [], 'the same episode raises nothing new');
  r = await vitals([{ systolic_mmhg: 205, diastolic_mmhg: 121 }]);
  assert.deepEqual(r.json.alarm_events.map((a) => [a.rule_code, a.event, a.priority]), [['bp_severe', 'raised', 'high']]);
  assert.equal((await nextOf(ws, ['alarm.raised'])).data.rule_code, 'bp_severe');

  const station = await api('nurse', 'GET', '/sessions?active=true');
  const tile = station.json.items.find((t) => t.id === sessionId);
  assert.deepEqual(tile.alarm, { open: 2, unacknowledged: 2, highest_priority: 'high' });
  assert.equal(tile.latest_vitals.systolic_mmhg, 205);

  const severe = r.json.alarm_events[0].id;
  r = await api('nurse', 'POST', `/sessions/${sessionId}/alarms/${severe}/acknowledge`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.alarms.find((a) => a.id === severe).state, 'acknowledged');
  assert.equal(r.json.alarms.find((a) => a.id === severe).acknowledged_by, DEMO_USERS.nurse);
  assert.equal((await nextOf(ws, ['alarm.acknowledged'])).data.alarm_id, severe);
  refused(await api('nurse', 'POST', `/sessions/${sessionId}/alarms/${severe}/acknowledge`), 'alarm_already_acknowledged');

  // Labetalol given; the pressure falls back below both limits.
  r = await api('nurse', 'POST', `/sessions/${sessionId}/rescue-medicines`,
    { drug: 'labetalol', dose_mg: 10, route: 'iv', reason: 'BP 205/121' });
  assert.equal(r.status, 200, r.text);
  await advance(5 * MINUTE);
  r = await vitals([{ systolic_mmhg: 150, diastolic_mmhg: 92, heart_rate_bpm: 84, spo2_pct: 98 }]);
  const changes = r.json.alarm_events.map((a) => [a.rule_code, a.event]);
  // The acknowledged alarm clears with its condition; the other waits for someone to see it.
  assert.deepEqual(changes.sort(), [['bp_high', 'condition_cleared'], ['bp_severe', 'cleared']]);
  const view = (await api('nurse', 'GET', `/sessions/${sessionId}`)).json;
  const bpHigh = view.alarms.find((a) => a.rule_code === 'bp_high');
  assert.equal(bpHigh.state, 'raised', 'an alarm nobody acknowledged stays until someone does');
  assert.equal(bpHigh.condition_active, false);
  r = await api('nurse', 'POST', `/sessions/${sessionId}/alarms/${bpHigh.id}/acknowledge`);
  assert.equal(r.json.alarms.find((a) => a.id === bpHigh.id).state, 'cleared');
  assert.equal(r.json.alarms.filter((a) => a.state !== 'cleared').length, 0);
});

test('an unacknowledged high-priority alarm escalates; a silent monitor raises the technical alarm', async () => {
  let r = await vitals([{ spo2_pct: 89, heart_rate_bpm: 88 }], 'monitor-room-1');
  assert.deepEqual(r.json.alarm_events.map((a) => [a.rule_code, a.event]), [['spo2_low', 'raised']]);
  const spo2 = r.json.alarm_events[0].id;
  const ws = await live('prescriber');
  await advance(2 * MINUTE + 5000);  // past the 2-minute escalation, and the 60 s of silence
  const seen = new Set();
  while (seen.size < 2) {
    const e = await nextOf(ws, ['alarm.escalated', 'alarm.raised'], 5000);
    seen.add(`${e.type}:${e.data.rule_code}`);
  }
  assert.ok(seen.has('alarm.escalated:spo2_low'));
  assert.ok(seen.has('alarm.raised:readings_stopped'));
  let view = (await api('nurse', 'GET', `/sessions/${sessionId}`)).json;
  assert.equal(view.alarms.find((a) => a.id === spo2).escalated, true);
  const technical = view.alarms.find((a) => a.rule_code === 'readings_stopped');
  assert.equal(technical.priority, 'high');

  r = await vitals([{ spo2_pct: 97, heart_rate_bpm: 80, systolic_mmhg: 140, diastolic_mmhg: 88 }], 'monitor-room-1');
  for (const id of [spo2, technical.id]) {
    const ack = await api('nurse', 'POST', `/sessions/${sessionId}/alarms/${id}/acknowledge`);
    assert.equal(ack.status, 200, ack.text);
  }
  view = (await api('nurse', 'GET', `/sessions/${sessionId}`)).json;
  assert.equal(view.alarms.filter((a) => a.state !== 'cleared').length, 0, JSON.stringify(view.alarms));
});

test('rate change and pause need reasons; the dose ends and observation begins', async () => {
  let r = await api('nurse', 'POST', `/sessions/${sessionId}/infusion`, { rate_ml_per_h: 30 });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'reason');
  r = await api('nurse', 'POST', `/sessions/${sessionId}/infusion`, { rate_ml_per_h: 30, reason: 'Blood pressure' });
  assert.equal(r.status, 200, r.text);
  refused(await move('pause'), 'reason_required', 'reason');
  assert.equal((await move('pause', { reason: 'Patient asked for a break' })).json.state, 'paused');
  assert.equal((await move('resume')).json.state, 'dosing');
  // No clock jump here: the monitor is silent now, and a minute of silence while
  // dosing would (rightly) raise the technical alarm again.
  r = await move('stop_dosing');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.state, 'observing');
  assert.deepEqual(r.json.infusion.map((e) => e.kind), ['start', 'rate_change', 'pause', 'resume', 'stop']);
  assert.ok(r.json.delivered.dose_mg > 0);
  assert.equal(r.json.rescue_medicines[0].drug, 'labetalol');
});

test('effects: a serious adverse event needs a narrative', async () => {
  let r = await api('nurse', 'POST', `/sessions/${sessionId}/effects`,
    { kind: 'raised_bp', severity: 'severe', serious: true, intervention: 'labetalol 10 mg', outcome: 'resolved_with_intervention' });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'narrative');
  r = await api('nurse', 'POST', `/sessions/${sessionId}/effects`, { kind: 'nausea', severity: 'mild', outcome: 'resolved' });
  assert.equal(r.status, 200, r.text);
  assert.equal((await api('nurse', 'POST', `/sessions/${sessionId}/effects`, { kind: 'sneezing', severity: 'mild' })).json.error.field, 'kind');
});

test('discharge is blocked until the score, the escort and the instructions allow it', async () => {
  refused(await move('ready_for_discharge'), 'discharge_score_missing', 'discharge_score');
  let r = await api('nurse', 'POST', `/sessions/${sessionId}/aldrete`, { activity: 2, respiration: 2, consciousness: 0 });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.aldrete[0].circulation, 2, '140 against a pre-dose 150 is within 20 %');
  assert.equal(r.json.aldrete[0].total, 8);
  refused(await move('ready_for_discharge'), 'discharge_score_low', 'discharge_score');
  r = await api('nurse', 'POST', `/sessions/${sessionId}/aldrete`, { activity: 2, respiration: 2, consciousness: 2 });
  assert.equal(r.json.aldrete[1].total, 10);
  refused(await move('ready_for_discharge'), 'escort_absent', 'escort_present');
  assert.equal((await api('nurse', 'POST', `/sessions/${sessionId}/discharge-override`, { reason: 'x' })).status, 403,
    'only a prescriber overrides');
  r = await api('nurse', 'POST', `/sessions/${sessionId}/discharge-checks`, { escort_present: true, instructions_given: true });
  assert.equal(r.status, 200);
  assert.equal((await move('ready_for_discharge')).json.state, 'ready_for_discharge');
  r = await move('discharge');
  assert.equal(r.json.state, 'discharged');
  assert.equal(r.json.discharge.discharged_by, DEMO_USERS.nurse);
  refused(await vitals([{ heart_rate_bpm: 70 }]), 'session_closed', 'state');
});

test('the integration note and a follow-up appointment after discharge', async () => {
  assert.equal((await api('front_desk', 'POST', `/sessions/${sessionId}/notes`, { text: 'x' })).status, 403);
  let r = await api('therapist', 'POST', `/sessions/${sessionId}/notes`, { text: 'Felt a sense of distance from the low mood.' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.notes[0].by, DEMO_USERS.therapist);
  r = await api('nurse', 'POST', `/sessions/${sessionId}/follow-up`, {
    type: 'integration', start: new Date(serverNow() + 3 * 24 * HOUR).toISOString(), room_id: roomId, staff_ids: [staff.therapist],
  });
  assert.equal(r.status, 201, r.text);
  const appointments = (await api('nurse', 'GET', `/patients/${patientId}/appointments`)).json.items;
  const followUp = appointments.find((a) => a.id === r.json.follow_up_appointment_id);
  assert.equal(followUp.type, 'integration');
  const mine = (await api('nurse', 'GET', `/patients/${patientId}/sessions`)).json.items;
  assert.equal(mine[0].id, sessionId);
  assert.equal(mine[0].state, 'discharged');
  assert.ok(!(await api('nurse', 'GET', '/sessions?active=true')).json.items.some((t) => t.id === sessionId));
});

test('every alarm event is in the audit trail', async () => {
  const actions = [];
  for (const action of ['alarm.raised', 'alarm.acknowledged', 'alarm.escalated', 'alarm.cleared']) {
    const r = await api('admin', 'GET', `/audit?action=${action}&entity_type=session_alarm&limit=100`);
    assert.equal(r.status, 200, r.text);
    for (const e of r.json.items) if (e.entity_id.startsWith(`${sessionId}/`)) actions.push(action);
  }
  const count = (a) => actions.filter((x) => x === a).length;
  assert.equal(count('alarm.raised'), 4, 'bp_high, bp_severe, spo2_low, readings_stopped');
  assert.equal(count('alarm.acknowledged'), 4);
  assert.equal(count('alarm.escalated'), 1);
  assert.equal(count('alarm.cleared'), 4);
});
