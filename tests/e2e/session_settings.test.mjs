// The clinic's session protocol through the real binary: the medical director (admin)
// reads every setting with its bounds and starting value, changes one, and a session
// opened afterwards evaluates readings with it; out-of-bounds and unknown settings are
// refused naming the field; a nurse may read but not change them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, stopServers } from './helpers.mjs';

let server;
const tokens = {};
before(async () => {
  server = await startServer();
  for (const role of Object.keys(DEMO_USERS)) tokens[role] = await bearerLogin(server.url, DEMO_USERS[role]);
});
after(() => stopServers(server));
const api = (role, method, path, body) => call(server.url, method, `/api/v1${path}`, { token: tokens[role], body });

test('the protocol lists every setting with its bounds and starting value', async () => {
  const r = await api('nurse', 'GET', '/clinic/session-settings');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.version, 0);
  const field = (name) => r.json.fields.find((f) => f.name === name);
  assert.deepEqual(field('pre_dose_systolic_limit_mmhg'), {
    name: 'pre_dose_systolic_limit_mmhg', label: 'Pre-dose systolic limit (mmHg)', min: 90, max: 200, value: 140, default: 140,
  });
  assert.equal(field('esketamine_observation_min').min, 120, 'the label\'s two hours is the floor');
  assert.equal((await api('front_desk', 'GET', '/clinic/session-settings')).status, 403);
});

test('bad changes are refused naming the field; a nurse may not change the protocol', async () => {
  let r = await api('admin', 'POST', '/clinic/session-settings', { aldrete_minimum: 7 });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'aldrete_minimum');
  r = await api('admin', 'POST', '/clinic/session-settings', { alarm_volume: 3 });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'alarm_volume');
  r = await api('admin', 'POST', '/clinic/session-settings', { bp_high_systolic_mmhg: 'high' });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.field, 'bp_high_systolic_mmhg');
  assert.equal((await api('nurse', 'POST', '/clinic/session-settings', { bp_high_readings: 1 })).status, 403);
  assert.equal((await api('nurse', 'GET', '/clinic/session-settings')).json.version, 0, 'nothing was saved');
});

test('a changed threshold is what a new session alarms on', async () => {
  const r = await api('admin', 'POST', '/clinic/session-settings', { bp_high_systolic_mmhg: 170, bp_high_readings: 1 });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.version, 1);
  assert.equal(r.json.fields.find((f) => f.name === 'bp_high_readings').value, 1);

  const patient = (await api('nurse', 'GET', '/patients?q=Okafor')).json.items[0].id;
  const room = (await api('front_desk', 'GET', '/rooms')).json.items[0];
  const nurse = (await api('admin', 'GET', '/users?limit=200')).json.items.find((u) => u.email === DEMO_USERS.nurse).id;
  const booked = await api('front_desk', 'POST', '/appointments', {
    type: 'dosing_session', route: 'iv', patient_id: patient, room_id: room.id, staff_ids: [nurse],
    start: new Date(Date.now() + 30 * 86_400_000).toISOString(), duration_minutes: 90,
  });
  assert.equal(booked.status, 201, booked.text);
  const session = await api('nurse', 'POST', '/sessions', { appointment_id: booked.json.appointment.id });
  assert.equal(session.status, 201, session.text);
  const rule = session.json.alarm_rules.find((x) => x.code === 'bp_high');
  assert.equal(rule.label, 'Blood pressure 170/110 or more on one reading');
  assert.equal(rule.confirm_readings, 1);
  const v = await api('nurse', 'POST', `/sessions/${session.json.id}/vitals`, { readings: [{ systolic_mmhg: 172, diastolic_mmhg: 95 }] });
  assert.equal(v.status, 201, v.text);
  assert.deepEqual(v.json.alarm_events.map((a) => [a.rule_code, a.event, a.label]),
    [['bp_high', 'raised', 'Blood pressure 170/110 or more on one reading']]);
});
