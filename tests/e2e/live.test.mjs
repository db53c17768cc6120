// Live updates through the real binary: GET /api/v1/live upgrades to a WebSocket
// that carries the clinic's events to the roles that may see them. A risk task
// raised by a nurse's PHQ-9 reaches a prescriber's screen at once; a reconnecting
// screen receives what it missed; a screen of another process's stream is told to
// reload; the front desk never receives clinical events; only our own pages or a
// bearer token may connect.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, stopServers } from './helpers.mjs';
import { openWebSocket } from './ws_client.mjs';

let server;
const tokens = {};
let maya;
const sockets = [];

before(async () => {
  server = await startServer();
  for (const role of Object.keys(DEMO_USERS)) tokens[role] = await bearerLogin(server.url, DEMO_USERS[role]);
  const list = await call(server.url, 'GET', '/api/v1/patients?q=Okafor', { token: tokens.nurse });
  maya = list.json.items[0].id;
});
after(async () => {
  for (const s of sockets) s.close();
  await stopServers(server);
});

const liveUrl = (query = '') => `${server.url}/api/v1/live${query}`;
async function connect(role, query = '') {
  const s = await openWebSocket(liveUrl(query), { Authorization: `Bearer ${tokens[role]}` });
  assert.equal(s.status, 101, `the ${role}'s live connection opens: ${s.text ?? ''}`);
  sockets.push(s);
  return s;
}
const phq9 = (...v) => Object.fromEntries(v.map((x, i) => [`phq9_${i + 1}`, x]));

test('a plain GET, no credentials, or a cookie from another site cannot open it', async () => {
  const plain = await call(server.url, 'GET', '/api/v1/live', { token: tokens.nurse });
  assert.equal(plain.status, 426);
  assert.equal(plain.json.error.code, 'websocket_required');

  const anonymous = await openWebSocket(liveUrl());
  assert.equal(anonymous.status, 403, 'no Origin and no bearer token');
  const noSession = await openWebSocket(liveUrl(), { Origin: server.url });
  assert.equal(noSession.status, 401);
  assert.equal(noSession.json.error.code, 'unauthenticated');

  const login = await call(server.url, 'POST', '/api/v1/auth/login', {
    body: { email: DEMO_USERS.nurse, password: 'demo-clinic-2026' },
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const foreign = await openWebSocket(liveUrl(), { Cookie: cookie, Origin: 'https://evil.example' });
  assert.equal(foreign.status, 403);
  assert.equal(foreign.json.error.code, 'csrf_failed');
  const ours = await openWebSocket(liveUrl(), { Cookie: cookie, Origin: server.url });
  assert.equal(ours.status, 101, 'the session cookie works from our own origin');
  sockets.push(ours);
  assert.equal((await ours.next()).type, 'hello');
});

test('a risk task reaches the prescriber at once, never the front desk; a reconnect catches up', async () => {
  const prescriber = await connect('prescriber');
  const hello = await prescriber.next();
  assert.equal(hello.type, 'hello');
  assert.match(hello.stream, /^[0-9a-f]{20}$/);
  const desk = await connect('front_desk');
  assert.equal((await desk.next()).type, 'hello');

  const r = await call(server.url, 'POST', `/api/v1/patients/${maya}/responses`, {
    token: tokens.nurse, body: { instrument: 'phq9', answers: phq9(2, 2, 2, 2, 1, 1, 1, 1, 2), submit: true },
  });
  assert.equal(r.status, 201, r.text);
  assert.ok(r.json.task_id, 'item 9 above 0 raises a task');

  const event = await prescriber.next(2000);
  assert.equal(event.type, 'task.raised');
  assert.equal(event.data.task_id, r.json.task_id);
  assert.equal(event.seq, hello.seq + 1);
  assert.match(event.at, /^\d{4}-\d\d-\d\dT.*Z$/);
  assert.equal(JSON.stringify(event).includes('Okafor'), false, 'an event names no patient');
  assert.ok(await desk.nothingWithin(300), 'the front desk does not receive clinical events');

  // A screen that was away reconnects with the last sequence it saw.
  const back = await connect('admin', `?stream=${hello.stream}&since=${hello.seq}`);
  const backHello = await back.next();
  assert.equal(backHello.type, 'hello');
  const missed = await back.next();
  assert.equal(missed.type, 'task.raised');
  assert.equal(missed.data.task_id, r.json.task_id);

  // A sequence of another stream (a restarted server) cannot be trusted: reload.
  const stale = await connect('admin', `?stream=0000&since=${hello.seq}`);
  assert.equal((await stale.next()).type, 'resync');

  const ack = await call(server.url, 'POST', `/api/v1/tasks/${r.json.task_id}/acknowledge`, {
    token: tokens.admin, body: { action: 'Called the patient; safety plan reviewed.' },
  });
  assert.equal(ack.status, 200, ack.text);
  const acknowledged = await prescriber.next(2000);
  assert.equal(acknowledged.type, 'task.acknowledged');
  assert.equal(acknowledged.data.task_id, r.json.task_id);
});

test('a dose order and its double check reach the nurses and prescribers, not the front desk', async () => {
  const nurse = await connect('nurse');
  assert.equal((await nurse.next()).type, 'hello');
  const desk = await connect('front_desk');
  assert.equal((await desk.next()).type, 'hello');
  const tomas = (await call(server.url, 'GET', '/api/v1/patients?q=Ferreira', { token: tokens.nurse })).json.items[0].id;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const order = await call(server.url, 'POST', `/api/v1/patients/${tomas}/dose-orders`, {
    token: tokens.prescriber,
    body: { route: 'iv', dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40 }, concentration_mg_per_ml: 10, planned_for: tomorrow },
  });
  assert.equal(order.status, 201, order.text);
  const ordered = await nurse.next(2000);
  assert.equal(ordered.type, 'dose.ordered');
  assert.deepEqual(ordered.data, { dose_order_id: order.json.id, patient_id: tomas });
  const check = await call(server.url, 'POST', `/api/v1/dose-orders/${order.json.id}/double-check`, {
    token: tokens.nurse, body: { weight_kg: 72.4, concentration_mg_per_ml: 10 },
  });
  assert.equal(check.status, 200, check.text);
  assert.equal((await nurse.next(2000)).type, 'dose.verified');
  assert.ok(await desk.nothingWithin(300), 'the front desk does not see dosing');
});

test('a booking at one desk reaches every open calendar, the front desk included', async () => {
  const desk = await connect('front_desk');
  assert.equal((await desk.next()).type, 'hello');
  const room = (await call(server.url, 'GET', '/api/v1/rooms', { token: tokens.front_desk })).json.items[0];
  const staff = (await call(server.url, 'GET', '/api/v1/calendar/staff', { token: tokens.front_desk })).json.items[0];
  const start = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) + 'T08:00:00Z';
  const booked = await call(server.url, 'POST', '/api/v1/appointments', {
    token: tokens.prescriber, body: { type: 'consultation', patient_id: maya, room_id: room.id, staff_ids: [staff.id], start },
  });
  assert.equal(booked.status, 201, booked.text);
  const event = await desk.next(2000);
  assert.equal(event.type, 'appointment.booked');
  assert.deepEqual(event.data, { appointment_id: booked.json.appointment.id, room_id: room.id });
  const cancelled = await call(server.url, 'POST', `/api/v1/appointments/${booked.json.appointment.id}/cancel`, {
    token: tokens.front_desk, body: { reason: 'Booked in error' },
  });
  assert.equal(cancelled.status, 200, cancelled.text);
  assert.equal((await desk.next(2000)).type, 'appointment.cancelled');
});

test('a signed-out token cannot open a live connection', async () => {
  const token = await bearerLogin(server.url, DEMO_USERS.therapist);
  const out = await call(server.url, 'POST', '/api/v1/auth/logout', { token });
  assert.equal(out.status, 204, out.text);
  const again = await openWebSocket(liveUrl(), { Authorization: `Bearer ${token}` });
  assert.equal(again.status, 401);
});

test('shutting down closes open screens as "going away" and the server still stops cleanly', async () => {
  const screen = await connect('nurse');
  assert.equal((await screen.next()).type, 'hello');
  const exit = await server.stop();
  await assert.rejects(screen.next(3000), /closed/);
  assert.equal(screen.closeCode, 1001);
  assert.equal(exit.code, 0, `the server exits cleanly: ${server.output().slice(-500)}`);
  assert.match(server.output(), /http GET \/api\/v1\/live 101/);
});
