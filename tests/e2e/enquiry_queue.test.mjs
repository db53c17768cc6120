// A person asks for a consultation on the public form; the front desk finds the
// request in its queue, sees a repeat joined to it, and works it through to a
// booked consultation. Bots and floods are turned away without telling them so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, auditEvents, stopServers } from './helpers.mjs';

let server;
let desk;
let nurse;
let clinicId;

const request = (overrides = {}) => ({
  given_name: 'Maya', family_name: 'Okafor', email: 'maya@example.org', phone: '+44 20 7946 0958',
  preferred_contact: 'phone', conditions: ['depression', 'anxiety'], reason_text: 'Three medicines have not helped.',
  heard_from: 'My GP', consent_to_contact: true, website: '', ...overrides,
});

before(async () => {
  server = await startServer();
  desk = await bearerLogin(server.url, DEMO_USERS.front_desk);
  nurse = await bearerLogin(server.url, DEMO_USERS.nurse);
  const me = await call(server.url, 'GET', '/api/v1/auth/me', { token: desk });
  clinicId = me.json.user.clinic.id;
});
after(async () => { await stopServers(server); });

const submit = (body) => call(server.url, 'POST', `/api/v1/public/clinics/${clinicId}/consultation-requests`, { body });
const queue = async (query = '') => (await call(server.url, 'GET', `/api/v1/enquiries${query}`, { token: desk })).json.items;

test('the public page learns the clinic name and the conditions without signing in', async () => {
  const r = await call(server.url, 'GET', `/api/v1/public/clinics/${clinicId}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.name, 'Demo Clinic');
  assert.ok(r.json.conditions.some((c) => c.code === 'ptsd'));
  assert.equal((await call(server.url, 'GET', '/api/v1/public/clinics/cln_nope')).status, 404);
});

test('a request arrives, a repeat joins it, and the front desk books a consultation', async () => {
  const first = await submit(request());
  assert.equal(first.status, 202, first.text);
  assert.equal(first.json.status, 'received');
  const repeat = await submit(request({ email: 'maya.okafor@example.org', phone: '+44 (20) 7946-0958' }));
  assert.equal(repeat.status, 202);
  assert.deepEqual(repeat.json, first.json, 'the visitor cannot tell a repeat from a first request');

  const items = await queue();
  assert.equal(items.length, 1);
  const [enquiry] = items;
  assert.equal(enquiry.status, 'new');
  assert.equal(enquiry.source, 'web');
  assert.equal(enquiry.phone, '+442079460958');
  assert.equal(enquiry.linked_count, 1);

  const detail = await call(server.url, 'GET', `/api/v1/enquiries/${enquiry.id}`, { token: nurse });
  assert.equal(detail.status, 200, 'a nurse may read the queue');
  assert.equal(detail.json.linked[0].email, 'maya.okafor@example.org');
  const nurseTry = await call(server.url, 'POST', `/api/v1/enquiries/${enquiry.id}/status`,
    { token: nurse, body: { status: 'contacted' } });
  assert.equal(nurseTry.status, 403, 'but not work it');

  const skip = await call(server.url, 'POST', `/api/v1/enquiries/${enquiry.id}/status`,
    { token: desk, body: { status: 'consultation_booked' } });
  assert.equal(skip.status, 409);
  assert.equal(skip.json.error.code, 'invalid_transition');
  for (const status of ['contacted', 'consultation_booked']) {
    const r = await call(server.url, 'POST', `/api/v1/enquiries/${enquiry.id}/status`, { token: desk, body: { status } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, status);
  }
  const history = (await call(server.url, 'GET', `/api/v1/enquiries/${enquiry.id}`, { token: desk })).json.history;
  assert.deepEqual(history.map((h) => h.status), ['new', 'contacted', 'consultation_booked']);
  assert.equal(history[1].user_email, DEMO_USERS.front_desk);

  const audit = await auditEvents(server.url, await bearerLogin(server.url, DEMO_USERS.admin), { entity_id: enquiry.id });
  const actions = audit.map((e) => e.action);
  assert.ok(actions.includes('enquiry.create'));
  assert.ok(actions.includes('enquiry.status'));
  assert.ok(actions.includes('enquiry.read'));
});

test('the front desk enters a phone enquiry; closing needs a reason', async () => {
  const body = request({ email: '', phone: '555 123 4567', preferred_contact: 'text', consent_to_contact: undefined });
  const created = await call(server.url, 'POST', '/api/v1/enquiries', { token: desk, body });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.source, 'phone');
  const noReason = await call(server.url, 'POST', `/api/v1/enquiries/${created.json.id}/status`,
    { token: desk, body: { status: 'closed' } });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.json.error.field, 'reason');
  const closed = await call(server.url, 'POST', `/api/v1/enquiries/${created.json.id}/status`,
    { token: desk, body: { status: 'closed', reason: 'Wants a home program we do not run' } });
  assert.equal(closed.json.close_reason, 'Wants a home program we do not run');
  assert.ok(!(await queue()).some((e) => e.id === created.json.id), 'closed enquiries leave the open queue');
  assert.ok((await queue('?status=closed')).some((e) => e.id === created.json.id));
});

test('bad requests name the field and store nothing; a bot filling the honeypot is told nothing', async () => {
  // A server of its own, with a higher hourly limit: every refused request counts too.
  const dir = mkdtempSync(join(tmpdir(), 'kc-enquiry-'));
  const config = join(dir, 'ketaclinic.toml');
  writeFileSync(config, '[enquiries]\nrequests_per_address_per_hour = 50\n');
  const own = await startServer({ args: ['--config', config] });
  const ownDesk = await bearerLogin(own.url, DEMO_USERS.front_desk);
  const ownClinic = (await call(own.url, 'GET', '/api/v1/auth/me', { token: ownDesk })).json.user.clinic.id;
  const submitOwn = (body) => call(own.url, 'POST', `/api/v1/public/clinics/${ownClinic}/consultation-requests`, { body });
  const ownQueue = async () => (await call(own.url, 'GET', '/api/v1/enquiries', { token: ownDesk })).json.items;
  try {
    await checkBadRequests(submitOwn, ownQueue);
  } finally {
    await stopServers(own);
  }
});

async function checkBadRequests(submit, queue) {
  const before = (await queue()).length;
  for (const [overrides, field] of [[{ consent_to_contact: false }, 'consent_to_contact'], [{ email: 'maya@' }, 'email'],
    [{ phone: 'call me' }, 'phone'], [{ conditions: ['flu'] }, 'conditions'], [{ given_name: '' }, 'given_name']]) {
    const r = await submit(request({ email: 'fresh@example.org', phone: '', preferred_contact: 'email', ...overrides }));
    assert.equal(r.status, 400, JSON.stringify(overrides));
    assert.equal(r.json.error.field, field);
  }
  const bot = await submit(request({ email: 'bot@example.org', phone: '', preferred_contact: 'email', website: 'http://spam.test' }));
  assert.equal(bot.status, 202);
  assert.equal((await queue()).length, before);
}

test('a flood from one address is refused with 429 and Retry-After', async () => {
  let refused;
  for (let i = 0; i < 8 && !refused; i += 1) {
    const r = await submit(request({ email: `flood${i}@example.org`, phone: '', preferred_contact: 'email' }));
    if (r.status === 429) refused = r;
  }
  assert.ok(refused, 'expected a 429 within eight requests');
  assert.equal(refused.json.error.code, 'rate_limited');
  assert.ok(Number(refused.headers.get('retry-after')) > 0);
});
