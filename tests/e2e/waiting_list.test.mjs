// A clinic opens an at-home program: people join from the public page or by phone,
// a nurse flags an urgent entry, places open and offers go out urgent-first, a
// decline passes the place on. (Offers lapsing with time are told with a fake clock
// in src/app/waiting_list_service_test.cc.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, auditEvents, stopServers } from './helpers.mjs';

let server;
let admin;
let desk;
let nurse;
let clinicId;

before(async () => {
  server = await startServer();
  [admin, desk, nurse] = await Promise.all(
    [DEMO_USERS.admin, DEMO_USERS.front_desk, DEMO_USERS.nurse].map((u) => bearerLogin(server.url, u)));
  clinicId = (await call(server.url, 'GET', '/api/v1/auth/me', { token: admin })).json.user.clinic.id;
});
after(async () => { await stopServers(server); });

const api = (token, method, path, body) => call(server.url, method, `/api/v1${path}`, { token, body });
const person = (given, extra = {}) => ({
  given_name: given, family_name: 'Example', email: `${given.toLowerCase()}@example.org`, preferred_contact: 'email',
  prescreen: { pregnant: 'no', substance_use: 'no', high_blood_pressure: 'no' }, age_years: 35, ...extra,
});

test('join, urgent first, offer, decline passes on, accept and schedule', async () => {
  const program = await api(admin, 'POST', '/waiting-programs', { name: 'At-home sublingual', capacity: 0, offer_hours: 48 });
  assert.equal(program.status, 201, program.text);
  const programId = program.json.id;
  assert.equal((await api(desk, 'POST', '/waiting-programs', { name: 'x', capacity: 1, offer_hours: 1 })).status, 403);

  // The public page lists the program; a visitor joins.
  const page = await call(server.url, 'GET', `/api/v1/public/clinics/${clinicId}`);
  assert.deepEqual(page.json.programs.map((p) => p.name), ['At-home sublingual']);
  const joined = await call(server.url, 'POST', `/api/v1/public/clinics/${clinicId}/waiting-lists/${programId}/entries`,
    { body: { ...person('Ana'), consent_to_contact: true, website: '' } });
  assert.equal(joined.status, 202, joined.text);

  // The front desk adds a caller; a nurse flags them urgent.
  const ben = await api(desk, 'POST', `/waiting-programs/${programId}/entries`, person('Ben'));
  assert.equal(ben.status, 201, ben.text);
  assert.ok(!ben.json.allowed_actions.includes('mark_urgent'), 'the front desk cannot flag urgency');
  const urgent = await api(nurse, 'POST', `/waiting-entries/${ben.json.id}/actions`, { action: 'mark_urgent', reason: 'Suicidal ideation' });
  assert.equal(urgent.status, 200, urgent.text);
  assert.equal(urgent.json.urgent, true);

  // One place opens: the urgent entry gets the offer, with an expiry.
  const raised = await api(admin, 'POST', `/waiting-programs/${programId}`, { capacity: 1, offer_hours: 48 });
  assert.equal(raised.json.places_in_use, 1);
  let entries = (await api(desk, 'GET', `/waiting-programs/${programId}/entries`)).json.items;
  assert.equal(entries[0].id, ben.json.id, 'urgent first');
  assert.equal(entries[0].status, 'offered');
  const hours = (Date.parse(entries[0].offer_expires_at) - Date.parse(entries[0].offered_at)) / 3600000;
  assert.equal(hours, 48);
  assert.deepEqual(entries[0].allowed_actions.sort(), ['accept', 'decline', 'remove']);

  // Ben declines: Ana is offered the place; she accepts and is scheduled.
  assert.equal((await api(desk, 'POST', `/waiting-entries/${ben.json.id}/actions`, { action: 'decline' })).json.status, 'declined');
  entries = (await api(desk, 'GET', `/waiting-programs/${programId}/entries`)).json.items;
  const ana = entries.find((e) => e.given_name === 'Ana');
  assert.equal(ana.status, 'offered');
  assert.equal(ana.source, 'web');
  assert.equal((await api(desk, 'POST', `/waiting-entries/${ana.id}/actions`, { action: 'accept' })).json.status, 'accepted');
  assert.equal((await api(desk, 'POST', `/waiting-entries/${ana.id}/actions`, { action: 'schedule' })).json.status, 'scheduled');
  const active = (await api(desk, 'GET', `/waiting-programs/${programId}/entries`)).json.items;
  assert.ok(!active.some((e) => e.id === ana.id), 'scheduled entries leave the active list');
  assert.ok((await api(desk, 'GET', `/waiting-programs/${programId}/entries?status=all`)).json.items.some((e) => e.id === ana.id));

  // Every transition is audited.
  const actions = (await auditEvents(server.url, admin, { entity_id: ben.json.id })).map((e) => e.action);
  for (const a of ['waiting.entry.create', 'waiting.entry.mark_urgent', 'waiting.entry.offer', 'waiting.entry.decline'])
    assert.ok(actions.includes(a), `audit has ${a}`);
});

test('bad input names the field; wrong steps are conflicts', async () => {
  const program = (await api(admin, 'POST', '/waiting-programs', { name: 'In-clinic IV', capacity: 0, offer_hours: 24 })).json;
  const bad = await api(desk, 'POST', `/waiting-programs/${program.id}/entries`,
    person('Cy', { prescreen: { pregnant: 'maybe' } }));
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'prescreen.pregnant');
  const noContact = await api(desk, 'POST', `/waiting-programs/${program.id}/entries`, person('Cy', { email: '' }));
  assert.equal(noContact.json.error.field, 'email');
  const cy = await api(desk, 'POST', `/waiting-programs/${program.id}/entries`, person('Cy'));
  const accept = await api(desk, 'POST', `/waiting-entries/${cy.json.id}/actions`, { action: 'accept' });
  assert.equal(accept.status, 409);
  assert.equal(accept.json.error.code, 'invalid_transition');
  const remove = await api(desk, 'POST', `/waiting-entries/${cy.json.id}/actions`, { action: 'remove' });
  assert.equal(remove.json.error.field, 'reason');
  assert.equal((await api(desk, 'POST', '/waiting-entries/wle_nope/actions', { action: 'remove', reason: 'x' })).status, 404);
  assert.equal((await api(admin, 'POST', `/waiting-programs/${program.id}`, { capacity: -1, offer_hours: 24 })).json.error.field, 'capacity');
});
