// The road to the first dosing session, through the real binary: a prescriber
// decides a patient is eligible and signs an IV plan; its proposal dates the
// induction series; the front desk books the proposed sessions in one go; the
// session is not ready while consent and a checked dose are missing, and says
// which gate fails; the patient signs the IV consent on the tablet and a nurse
// countersigns; the prescriber orders the dose for the first session's day and a
// second clinician's blind double check verifies it; the first session is then
// ready to start, with the check-in gates still to come.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, stopServers } from './helpers.mjs';

let server;
const tokens = {};
let patientId;
const staff = {};

before(async () => {
  server = await startServer();
  for (const role of Object.keys(DEMO_USERS)) tokens[role] = await bearerLogin(server.url, DEMO_USERS[role]);
  const list = await api('nurse', 'GET', '/patients?q=Delgado');
  patientId = list.json.items[0].id;  // Rosa Delgado: a demo patient with no plan, consent or order
  for (const u of (await api('admin', 'GET', '/users?limit=200')).json.items) staff[u.email.split('@')[0]] = u.id;
});
after(() => stopServers(server));

const api = (role, method, path, body) => call(server.url, method, `/api/v1${path}`, { token: tokens[role], body });
const DAY = 86_400_000;
const dateIn = (days) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const gate = (readiness, name) => readiness.gates.find((g) => g.gate === name);

let firstSession;

test('eligible, an IV plan signed, its proposed induction booked as a series', async () => {
  assert.equal((await api('prescriber', 'POST', `/patients/${patientId}/diagnoses`, { code: 'F33.2' })).status, 201);
  const weight = await api('nurse', 'POST', `/patients/${patientId}/measurements`, { weight_kg: 64.5, measured_on: dateIn(0) });
  assert.equal(weight.status, 201, weight.text);
  const decided = await api('prescriber', 'POST', `/patients/${patientId}/eligibility-decisions`,
    { decision: 'eligible', reason: 'Recurrent depression, two adequate trials without response' });
  assert.equal(decided.status, 201, decided.text);

  const plan = await api('prescriber', 'POST', `/patients/${patientId}/plans`, {
    indications: ['F33.2'],
    goals: [{ text: 'Remission', instrument: 'phq9', target_score: 4 }],
    route: 'iv',
    dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40 },
    induction: { sessions: 6, max_per_week: 3, weeks: 2 },
    maintenance: { interval_days: 0 },
    titration: { step: 0.1, ceiling: 0.75 },
  });
  assert.equal(plan.status, 201, plan.text);

  const start = dateIn(3);
  const proposal = await api('nurse', 'GET', `/patients/${patientId}/plans/current/proposal?start=${start}&horizon_weeks=4`);
  assert.equal(proposal.status, 200, proposal.text);
  assert.equal(proposal.json.sessions.length, 6);
  assert.equal(proposal.json.sessions[0].date, start);

  const room = (await api('front_desk', 'GET', '/rooms')).json.items[0];
  const items = proposal.json.sessions.map((s, i) => ({
    type: 'dosing_session', route: 'iv', patient_id: patientId, room_id: room.id, staff_ids: [staff.nurse],
    start: `${s.date}T07:00:00Z`, duration_minutes: 90, plan_id: plan.json.id, session_number: i + 1,
  }));
  const booked = await api('front_desk', 'POST', '/appointments/batch', { items });
  assert.equal(booked.status, 201, booked.text);
  assert.equal(booked.json.items.length, 6);
  firstSession = booked.json.items[0].appointment;
  assert.equal(firstSession.session_number, 1);
  assert.equal(firstSession.plan_id, plan.json.id);
});

test('not ready without consent and a checked dose: each failed gate says why', async () => {
  const r = await api('front_desk', 'GET', `/appointments/${firstSession.id}/readiness`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.ready, false);
  assert.equal(gate(r.json, 'eligibility').state, 'passed');
  assert.equal(gate(r.json, 'consent').code, 'consent_missing');
  assert.equal(gate(r.json, 'dose_order').code, 'dose_order_missing');
  assert.equal(gate(r.json, 'weight').state, 'passed');
  assert.equal(gate(r.json, 'escort').state, 'at_check_in');
  assert.equal(gate(r.json, 'fasting'), undefined, 'fasting is for esketamine');
});

test('signed and countersigned consent, then a dose ordered and double-checked: ready to start', async () => {
  const documents = (await api('nurse', 'GET', '/consent-documents')).json.items;
  const ivDocument = documents.find((d) => d.kind === 'iv' && d.status === 'published');
  assert.ok(ivDocument, 'the demo clinic has a published IV consent');
  const shown = await api('nurse', 'GET', `/patients/${patientId}/consent-documents/${ivDocument.id}`);
  assert.equal(shown.status, 200, shown.text);
  const sections = shown.json.sections;
  assert.ok(sections.length >= 4, 'nature, risks, benefits and alternatives at least');
  const signed = await api('nurse', 'POST', `/patients/${patientId}/consents`,
    { document_id: ivDocument.id, typed_name: 'Rosa Delgado', acknowledged_sections: sections });
  assert.equal(signed.status, 201, signed.text);

  let r = await api('nurse', 'GET', `/appointments/${firstSession.id}/readiness`);
  assert.equal(gate(r.json, 'consent').code, 'consent_not_countersigned');
  assert.equal((await api('nurse', 'POST', `/consents/${signed.json.id}/countersign`)).status, 200);
  r = await api('nurse', 'GET', `/appointments/${firstSession.id}/readiness`);
  assert.equal(gate(r.json, 'consent').state, 'passed');
  assert.equal(r.json.consent_id, signed.json.id);
  assert.equal(r.json.ready, false, 'the dose is still missing');

  const day = firstSession.start.slice(0, 10);
  const order = await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, {
    route: 'iv', dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40 }, concentration_mg_per_ml: 10,
    planned_for: day, plan_id: firstSession.plan_id,
  });
  assert.equal(order.status, 201, order.text);
  r = await api('nurse', 'GET', `/appointments/${firstSession.id}/readiness`);
  assert.equal(gate(r.json, 'dose_order').code, 'dose_order_missing', 'ordered is not yet verified');

  const wrong = await api('nurse', 'POST', `/dose-orders/${order.json.id}/double-check`, { weight_kg: 64.5, concentration_mg_per_ml: 50 });
  assert.equal(wrong.status, 409, wrong.text);
  r = await api('nurse', 'GET', `/appointments/${firstSession.id}/readiness`);
  assert.equal(r.json.ready, false, 'a blocked order does not make the session ready');

  const right = await api('nurse', 'POST', `/dose-orders/${order.json.id}/double-check`, { weight_kg: 64.5, concentration_mg_per_ml: 10 });
  assert.equal(right.status, 200, right.text);
  r = await api('front_desk', 'GET', `/appointments/${firstSession.id}/readiness`);
  assert.equal(r.json.ready, true, JSON.stringify(r.json.gates));
  assert.equal(r.json.dose_order_id, order.json.id);
  for (const g of r.json.gates) assert.notEqual(g.state, 'failed', g.gate);
  assert.deepEqual(r.json.gates.filter((g) => g.state === 'at_check_in').map((g) => g.gate),
    ['escort', 'pregnancy', 'questionnaire', 'vital_signs']);

  // The second session has its consent, but no verified dose for its own day.
  const second = (await api('nurse', 'GET', `/patients/${patientId}/appointments`)).json.items
    .find((a) => a.session_number === 2);
  const r2 = await api('nurse', 'GET', `/appointments/${second.id}/readiness`);
  assert.equal(r2.json.ready, false);
  assert.equal(gate(r2.json, 'consent').state, 'passed');
  assert.equal(gate(r2.json, 'dose_order').code, 'dose_order_missing');
});

test('readiness is for booked dosing sessions of the caller\'s clinic', async () => {
  const consult = await api('front_desk', 'POST', '/appointments', {
    type: 'telehealth_check_in', patient_id: patientId, staff_ids: [staff.therapist], start: `${dateIn(20)}T09:00:00Z`,
  });
  assert.equal(consult.status, 201, consult.text);
  const r = await api('nurse', 'GET', `/appointments/${consult.json.appointment.id}/readiness`);
  assert.equal(r.status, 409);
  assert.equal(r.json.error.code, 'not_a_dosing_session');
  assert.equal((await api('nurse', 'GET', '/appointments/apt_nope/readiness')).status, 404);
});
