// Two clinics share one database. A second clinic is set up with the CLI; its
// admin cannot see or touch the first clinic's patients, staff or audit trail, and
// gets 404 (existence never leaks), not 403. Within a clinic, roles limit what each
// person may do, and every refused attempt is written to the audit log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCli, DEMO_USERS, DEMO_PASSWORD } from '../support/server.mjs';
import { auditEvents, bearerLogin, call, stopServers } from './helpers.mjs';

const SECOND_ADMIN = 'admin@second.test';
const SECOND_PASSWORD = 'second-clinic-password';

let boot;
let server;
let first;          // the demo clinic: { token, patients: [...], users: [...] }
let second;         // the second clinic's admin token

before(async () => {
  // Day one: the demo clinic runs alone.
  boot = await startServer();
  try {
    const token = await bearerLogin(boot.url, DEMO_USERS.admin);
    const created = await call(boot.url, 'POST', '/api/v1/patients', {
      token, body: { given_name: 'Ingrid', family_name: 'Tenantsson', date_of_birth: '1975-04-02' },
    });
    assert.equal(created.status, 201, created.text);
    const patients = (await call(boot.url, 'GET', '/api/v1/patients?limit=200', { token })).json.items;
    const users = (await call(boot.url, 'GET', '/api/v1/users', { token })).json.items;
    first = { patients, users };
  } finally {
    await boot.stop();
  }
  // The operator adds a second clinic and its admin while the server is down.
  const added = runCli(['user', 'add', '--database', boot.database, '--clinic', 'Second Clinic',
    '--email', SECOND_ADMIN, '--name', 'Second Admin', '--role', 'admin'], { input: `${SECOND_PASSWORD}\n` });
  assert.equal(added.code, 0, `user add failed: ${added.stderr}`);
  assert.match(added.stdout, /added admin@second\.test \(admin\) to Second Clinic/);

  server = await startServer({ database: boot.database, dir: boot.dir });
  first.token = await bearerLogin(server.url, DEMO_USERS.admin);
  second = await bearerLogin(server.url, SECOND_ADMIN, SECOND_PASSWORD);
});
after(async () => { await stopServers(server, boot); });

const userId = (email) => first.users.find((u) => u.email === email).id;

test('the second clinic\'s admin gets 404, not 403, for the first clinic\'s patients', async () => {
  assert.ok(first.patients.length >= 7);
  for (const p of first.patients) {
    const r = await call(server.url, 'GET', `/api/v1/patients/${p.id}`, { token: second });
    assert.equal(r.status, 404, `patient ${p.id}: ${r.status} ${r.text}`);
    assert.equal(r.json.error.code, 'not_found');
    assert.ok(!r.text.includes(p.family_name), 'the 404 leaked the patient\'s name');
  }
});

test('the second clinic\'s admin cannot disable or reset the first clinic\'s staff', async () => {
  const nurse = userId(DEMO_USERS.nurse);
  const disable = await call(server.url, 'POST', `/api/v1/users/${nurse}/disable`, { token: second });
  assert.equal(disable.status, 404, disable.text);
  assert.equal(disable.json.error.code, 'not_found');
  const reset = await call(server.url, 'POST', `/api/v1/users/${nurse}/reset-password`, {
    token: second, body: { new_password: 'taken-over-password-1' },
  });
  assert.equal(reset.status, 404, reset.text);
  assert.equal(reset.json.error.code, 'not_found');

  // Nothing changed: the nurse still signs in with the old password, not the new one.
  const old = await call(server.url, 'POST', '/api/v1/auth/login',
    { body: { email: DEMO_USERS.nurse, password: DEMO_PASSWORD } });
  assert.equal(old.status, 200, 'the nurse was disabled or had the password changed by another clinic');
  const hijack = await call(server.url, 'POST', '/api/v1/auth/login',
    { body: { email: DEMO_USERS.nurse, password: 'taken-over-password-1' } });
  assert.equal(hijack.status, 401);
});

test('the second clinic\'s lists hold none of the first clinic\'s people or events', async () => {
  const users = await call(server.url, 'GET', '/api/v1/users', { token: second });
  assert.equal(users.status, 200);
  assert.deepEqual(users.json.items.map((u) => u.email), [SECOND_ADMIN]);

  const patients = await call(server.url, 'GET', '/api/v1/patients?limit=200', { token: second });
  assert.equal(patients.status, 200);
  assert.deepEqual(patients.json.items, []);
  const search = await call(server.url, 'GET', '/api/v1/patients?q=Tenantsson', { token: second });
  assert.deepEqual(search.json.items, []);

  const events = await auditEvents(server.url, second);
  assert.ok(events.some((e) => e.action === 'clinic.create'), 'the second clinic sees its own events');
  const firstIds = new Set([...first.patients, ...first.users].map((x) => x.id));
  for (const e of events) {
    assert.ok(!firstIds.has(e.entity_id) && !firstIds.has(e.user_id),
      `the second clinic sees a first-clinic event: ${JSON.stringify(e)}`);
    assert.ok(!e.user_email.endsWith('@demo.test'), `first-clinic staff in the audit: ${JSON.stringify(e)}`);
  }
  const byAdmin = await auditEvents(server.url, second, { user_id: userId(DEMO_USERS.admin) });
  assert.deepEqual(byAdmin, []);
});

test('a nurse may not list staff or read the audit trail', async () => {
  const nurse = await bearerLogin(server.url, DEMO_USERS.nurse);
  for (const path of ['/api/v1/users', '/api/v1/audit']) {
    const r = await call(server.url, 'GET', path, { token: nurse });
    assert.equal(r.status, 403, `${path}: ${r.status} ${r.text}`);
    assert.equal(r.json.error.code, 'forbidden');
  }
});

test('a therapist may not register a patient', async () => {
  const therapist = await bearerLogin(server.url, DEMO_USERS.therapist);
  const r = await call(server.url, 'POST', '/api/v1/patients', {
    token: therapist, body: { given_name: 'Not', family_name: 'Allowed', date_of_birth: '1990-01-01' },
  });
  assert.equal(r.status, 403, r.text);
  assert.equal(r.json.error.code, 'forbidden');
  const search = await call(server.url, 'GET', '/api/v1/patients?q=Allowed', { token: first.token });
  assert.deepEqual(search.json.items, [], 'the refused patient was registered anyway');
});

// The refused attempts above, as the first clinic's admin sees them in the audit log.
const deniedBy = async (email, matches) => {
  const events = await auditEvents(server.url, first.token, { user_id: userId(email) });
  return { found: events.filter((e) => e.outcome === 'denied' && matches(e)), events };
};

test('the nurse\'s refused staff list is in the audit log as denied', async () => {
  const { found, events } = await deniedBy(DEMO_USERS.nurse, (e) => e.action === 'user.list');
  assert.equal(found.length, 1, `nurse events: ${JSON.stringify(events.map((e) => [e.action, e.outcome]))}`);
  assert.equal(found[0].role, 'nurse');
});

test('the nurse\'s refused audit read is in the audit log as denied', async () => {
  const { found, events } = await deniedBy(DEMO_USERS.nurse, (e) => e.action.startsWith('audit.'));
  assert.equal(found.length, 1,
    `no denied audit.* event for GET /api/v1/audit; nurse events: ${JSON.stringify(events.map((e) => [e.action, e.outcome]))}`);
});

test('the therapist\'s refused patient registration is in the audit log as denied', async () => {
  const { found, events } = await deniedBy(DEMO_USERS.therapist, (e) => e.action === 'patient.create');
  assert.equal(found.length, 1, `therapist events: ${JSON.stringify(events.map((e) => [e.action, e.outcome]))}`);
  assert.equal(found[0].entity_type, 'patient');
  assert.equal(found[0].role, 'therapist');
});
