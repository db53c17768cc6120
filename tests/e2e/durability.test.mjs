// The power cord is pulled in the middle of a busy registration morning: every
// patient the server acknowledged is still there after a restart, each with its
// audit event, and the audit hash chain verifies. Then someone edits an audit row
// behind the application's back, and `audit verify` catches it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCli, engine, DEMO_USERS } from '../support/server.mjs';
import { auditEvents, bearerLogin, call, runSql, stopServers } from './helpers.mjs';

const WRITERS = 8;
const BURST_MS = 2000;
const KILL_AFTER_MS = 1000;

let server;                 // the server running now (the second one after the crash)
let database;
let dir;
const acknowledged = [];    // { id, given_name, family_name, date_of_birth } answered 201
const refused = [];         // any other HTTP answer during the burst (there should be none)

before(async () => {
  server = await startServer();
  ({ database, dir } = server);
});
after(async () => { await stopServers(server); });

async function writer(w, token, url, deadline) {
  for (let i = 0; Date.now() < deadline && i < 10_000; i++) {
    const body = { given_name: `Writer${w}`, family_name: `Burst${String(i).padStart(5, '0')}`, date_of_birth: '1981-02-03' };
    let r;
    try {
      r = await call(url, 'POST', '/api/v1/patients', { token, body });
    } catch {
      return; // the server is gone: this write was never acknowledged
    }
    if (r.status === 201 && r.json?.id) acknowledged.push({ ...body, id: r.json.id });
    else refused.push({ status: r.status, text: r.text });
  }
}

test('a SIGKILL in the middle of a write burst loses no acknowledged patient', { timeout: 120_000 }, async (t) => {
  const token = await bearerLogin(server.url, DEMO_USERS.nurse);
  const deadline = Date.now() + BURST_MS;
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w, token, server.url, deadline));
  await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
  const killed = await server.kill9();
  assert.equal(killed.signal, 'SIGKILL');
  await Promise.all(writers);

  assert.deepEqual(refused, [], 'writes were refused during the burst');
  assert.ok(acknowledged.length >= 10, `only ${acknowledged.length} writes were acknowledged before the kill`);

  t.diagnostic(`${acknowledged.length} writes acknowledged before the kill`);
  server = await startServer({ database, dir });
  const reader = await bearerLogin(server.url, DEMO_USERS.nurse);
  const missing = [];
  const queue = [...acknowledged];
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const r = await call(server.url, 'GET', `/api/v1/patients/${p.id}`, { token: reader });
      if (r.status !== 200) { missing.push({ id: p.id, status: r.status }); continue; }
      const { id, given_name, family_name, date_of_birth } = r.json;
      assert.deepEqual({ id, given_name, family_name, date_of_birth }, p);
    }
  }));
  assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged patients are gone`);
});

test('every acknowledged registration has its audit event (written in the same transaction)', async () => {
  const admin = await bearerLogin(server.url, DEMO_USERS.admin);
  const created = await auditEvents(server.url, admin, { action: 'patient.create' });
  const audited = new Set(created.map((e) => e.entity_id));
  const unaudited = acknowledged.filter((p) => !audited.has(p.id)).map((p) => p.id);
  assert.deepEqual(unaudited, [], 'patients registered without an audit event');
  const ids = new Set(acknowledged.map((p) => p.id));
  for (const e of created.filter((x) => ids.has(x.entity_id))) {
    assert.equal(e.outcome, 'success');
    assert.equal(e.user_email, DEMO_USERS.nurse);
  }
});

test('after the crash and restart the audit chain verifies intact', async () => {
  await server.stop();
  const r = runCli(['audit', 'verify', '--database', database]);
  assert.equal(r.code, 0, `audit verify failed:\n${r.stdout}${r.stderr}`);
  assert.match(r.stdout, /audit chain intact/);
  assert.doesNotMatch(r.stdout, /BROKEN/);
});

test('the database itself refuses to change an audit event', async () => {
  const r = runSql(database, "UPDATE audit_events SET action = 'patient.erase' WHERE seq = 5");
  assert.notEqual(r.code, 0, 'the update went through');
  assert.match(r.stderr, /append-only/);
});

test('an audit event altered behind the application is caught by audit verify', async () => {
  const disable = engine === 'sqlite'
    ? 'DROP TRIGGER audit_events_no_update'
    : 'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change';
  const tamper = runSql(database, `${disable}; UPDATE audit_events SET action = 'patient.erase' WHERE seq = 5`);
  assert.equal(tamper.code, 0, `could not tamper: ${tamper.stderr}`);
  const check = runSql(database, 'SELECT action FROM audit_events WHERE seq = 5');
  assert.equal(check.stdout.trim(), 'patient.erase', 'the tampering did not take');

  const r = runCli(['audit', 'verify', '--database', database]);
  assert.equal(r.code, 1, `audit verify missed the tampering:\n${r.stdout}${r.stderr}`);
  assert.match(r.stdout, /BROKEN.*first bad event seq 5\b/);
  assert.match(r.stdout, /audit chain BROKEN/);
});
