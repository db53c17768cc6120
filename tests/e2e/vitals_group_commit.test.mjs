// Bedside monitors posting at once, through the real binary: the server stores
// vital-sign readings in groups, one transaction for whatever is waiting (ADR 0004),
// and answers each POST with 201 only after the group holding it committed. So many
// monitors at once are each answered and each audited, a monitor's readings reach the
// screens in the order it sent them, a SIGTERM lets the readings in flight be stored
// and answered, and a SIGKILL loses no reading that was answered 201.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { startServer, DEMO_USERS } from '../support/server.mjs';
import { auditEvents, bearerLogin, call, stopServers } from './helpers.mjs';
import { openWebSocket } from './ws_client.mjs';

const MONITORS = 12;
const PASSWORD = 'group-commit-password-01';
let server;
let admin;
let device;
let sessions = [];   // one open session per monitor
const sockets = [];

async function must(promise, status, what) {
  const r = await promise;
  assert.equal(r.status, status, `${what}: ${r.text}`);
  return r.json;
}

async function setUp(s) {
  admin = await bearerLogin(s.url, DEMO_USERS.admin);
  const account = (email, roles) => must(call(s.url, 'POST', '/api/v1/users', {
    token: admin, body: { email, display_name: email, roles, password: PASSWORD },
  }), 201, `create ${email}`);
  const nurseId = (await account('ward-nurse@group.test', ['nurse'])).id;
  await account('monitor-gateway@group.test', ['device']);
  const nurse = await bearerLogin(s.url, 'ward-nurse@group.test', PASSWORD);
  device = await bearerLogin(s.url, 'monitor-gateway@group.test', PASSWORD);
  const room = await must(call(s.url, 'POST', '/api/v1/rooms', { token: admin, body: { name: 'Bay 1' } }), 201, 'room');
  const first = new Date(Date.now() + 24 * 3600_000);
  first.setUTCHours(0, 0, 0, 0);
  const items = [];
  for (let i = 0; i < MONITORS; i++) {
    const patient = await must(call(s.url, 'POST', '/api/v1/patients', {
      token: admin, body: { given_name: `Monitored${i}`, family_name: 'Patient', date_of_birth: '1980-05-17' },
    }), 201, `patient ${i}`);
    items.push({
      type: 'dosing_session', route: 'iv', patient_id: patient.id, room_id: room.id, staff_ids: [nurseId],
      start: new Date(first.getTime() + i * 4 * 3600_000).toISOString(), duration_minutes: 240,
    });
  }
  const booked = await must(call(s.url, 'POST', '/api/v1/appointments/batch', { token: admin, body: { items } }), 201,
    'appointments');
  sessions = [];
  for (const b of booked.items) {
    sessions.push((await must(call(s.url, 'POST', '/api/v1/sessions', {
      token: nurse, body: { appointment_id: b.appointment.id },
    }), 201, 'open a session')).id);
  }
}

/** Reading times in the recent past, each used once (a reading's time names it here). */
const firstAt = Date.now() - 60 * 60_000;
let readingsSent = 0;
const nextAt = () => new Date(firstAt + readingsSent++).toISOString();

/**
 * One monitor posting readings one after the other (as a device does on its own
 * connection) until `count` or `until()`. Returns [{ at, hr, status }], status
 * 'failed' when the connection failed (the server is gone).
 */
async function monitor(url, m, { count = Infinity, until = () => false } = {}) {
  const sent = [];
  for (let k = 0; k < count && !until(); k++) {
    const reading = { at: nextAt(), heart_rate_bpm: 60 + (k % 60), spo2_pct: 97, systolic_mmhg: 120, diastolic_mmhg: 80 };
    let status;
    try {
      const r = await call(url, 'POST', `/api/v1/sessions/${sessions[m]}/vitals`, {
        token: device, body: { source: `monitor-${m}`, readings: [reading] },
      });
      status = r.status;
      if (status !== 201) sent.push({ at: reading.at, status, text: r.text });
    } catch {
      status = 'failed';
    }
    if (status === 201 || status === 'failed') sent.push({ at: reading.at, status });
    if (status === 'failed') break;
  }
  return sent;
}

async function storedTimes(url, token, sessionId) {
  const r = await must(call(url, 'GET', `/api/v1/sessions/${sessionId}/vitals`, { token }), 200, 'vitals');
  return new Set(r.items.map((x) => x.at));
}

before(async () => {
  server = await startServer();
  await setUp(server);
});
after(async () => {
  for (const s of sockets) s.close();
  await stopServers(server);
});

test('many monitors at once: each reading answered 201, audited, and on screen in the order sent', { timeout: 60_000 }, async () => {
  const screen = await openWebSocket(`${server.url}/api/v1/live`, { Authorization: `Bearer ${admin}` });
  sockets.push(screen);
  assert.equal(screen.status, 101, screen.text);
  assert.equal((await screen.next()).type, 'hello');
  const PER_MONITOR = 8;
  const results = await Promise.all(sessions.map((_, m) => monitor(server.url, m, { count: PER_MONITOR })));
  for (const sent of results) assert.deepEqual(sent.map((x) => x.status), Array(PER_MONITOR).fill(201));

  const seen = new Map(sessions.map((id) => [id, []]));
  for (let n = 0; n < MONITORS * PER_MONITOR;) {
    const e = await screen.next(5000);
    if (e.type !== 'vitals.recorded' || !seen.has(e.data.session_id)) continue;
    seen.get(e.data.session_id).push(e.data.reading.at_ms);
    n++;
  }
  sessions.forEach((id, m) => {
    const expected = results[m].map((x) => Date.parse(x.at));
    assert.deepEqual(seen.get(id), expected, `monitor ${m}'s readings reached the screen out of order`);
  });

  for (const [m, id] of sessions.entries()) {
    const times = await storedTimes(server.url, admin, id);
    for (const x of results[m]) assert.ok(times.has(x.at), `reading ${x.at} of monitor ${m} is not stored`);
  }
  const audited = await auditEvents(server.url, admin, { action: 'session.vitals' });
  const ours = new Set(sessions);
  assert.equal(audited.filter((e) => ours.has(e.entity_id) && e.outcome === 'success').length, MONITORS * PER_MONITOR,
    'one audit event per answered POST');
});

test('SIGTERM with readings in flight: each is stored and answered, then the server exits 0', { timeout: 60_000 }, async () => {
  let stopping = false;
  const running = sessions.map((_, m) => monitor(server.url, m, { until: () => stopping }));
  await new Promise((r) => setTimeout(r, 500));
  const exited = once(server.proc, 'exit');
  server.proc.kill('SIGTERM');
  stopping = true;
  const results = await Promise.all(running);
  const [code, signal] = await exited;
  assert.deepEqual({ code, signal }, { code: 0, signal: null }, server.output());
  const answered = results.flat().filter((x) => x.status !== 'failed');
  assert.deepEqual(answered.filter((x) => x.status !== 201), [], 'a reading in flight was refused');
  assert.ok(answered.length > 0, 'no reading was answered');

  server = await startServer({ database: server.database, dir: server.dir });
  admin = await bearerLogin(server.url, DEMO_USERS.admin);
  for (const [m, id] of sessions.entries()) {
    const times = await storedTimes(server.url, admin, id);
    for (const x of results[m].filter((r) => r.status === 201))
      assert.ok(times.has(x.at), `reading ${x.at} of monitor ${m} was answered 201 but is not stored`);
  }
});

test('a SIGKILL in a burst of readings loses no reading that was answered 201', { timeout: 60_000 }, async (t) => {
  device = await bearerLogin(server.url, 'monitor-gateway@group.test', PASSWORD);
  const running = sessions.map((_, m) => monitor(server.url, m));
  await new Promise((r) => setTimeout(r, 700));
  const killed = await server.kill9();
  assert.equal(killed.signal, 'SIGKILL');
  const results = await Promise.all(running);
  const acknowledged = results.flat().filter((x) => x.status === 201).length;
  assert.deepEqual(results.flat().filter((x) => x.status !== 201 && x.status !== 'failed'), []);
  assert.ok(acknowledged >= MONITORS, `only ${acknowledged} readings were answered before the kill`);
  t.diagnostic(`${acknowledged} readings answered 201 before the kill`);

  server = await startServer({ database: server.database, dir: server.dir });
  admin = await bearerLogin(server.url, DEMO_USERS.admin);
  const missing = [];
  for (const [m, id] of sessions.entries()) {
    const times = await storedTimes(server.url, admin, id);
    for (const x of results[m].filter((r) => r.status === 201)) if (!times.has(x.at)) missing.push(x.at);
  }
  assert.deepEqual(missing, [], `${missing.length} of ${acknowledged} answered readings are gone`);
});
