// From enquiry to eligibility: the front desk registers a person who asked for a
// consultation, a nurse records their history, the prescriber screens and decides
// (overriding an exclusion with a reason), and a later fact marks the decision for
// re-screening.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, auditEvents, stopServers } from './helpers.mjs';

let server;
let desk;
let nurse;
let prescriber;
let patientId;

before(async () => {
  server = await startServer();
  [desk, nurse, prescriber] = await Promise.all(
    [DEMO_USERS.front_desk, DEMO_USERS.nurse, DEMO_USERS.prescriber].map((u) => bearerLogin(server.url, u)));
});
after(async () => { await stopServers(server); });

const api = (token, method, path, body) => call(server.url, method, `/api/v1${path}`, { token, body });

test('enquiry, registration, history, screening, decision, re-screening', async () => {
  // 1. The enquiry arrives and the front desk books a consultation.
  const enquiry = await api(desk, 'POST', '/enquiries', {
    given_name: 'Rhea', family_name: 'Lindqvist', phone: '555 123 4567', preferred_contact: 'phone',
    conditions: ['depression'],
  });
  assert.equal(enquiry.status, 201, enquiry.text);
  await api(desk, 'POST', `/enquiries/${enquiry.json.id}/status`, { status: 'contacted' });

  // 2. Registration from the enquiry: names and phone carry over; once only.
  const registered = await api(desk, 'POST', `/enquiries/${enquiry.json.id}/register`, { date_of_birth: '1984-04-02' });
  assert.equal(registered.status, 201, registered.text);
  patientId = registered.json.patient_id;
  const patient = await api(desk, 'GET', `/patients/${patientId}`);
  assert.equal(patient.json.family_name, 'Lindqvist');
  assert.equal(patient.json.phone, '5551234567');
  const again = await api(desk, 'POST', `/enquiries/${enquiry.json.id}/register`, { date_of_birth: '1984-04-02' });
  assert.equal(again.status, 409);
  const future = await api(desk, 'POST', '/enquiries', { given_name: 'X', family_name: 'Y', phone: '5550000000', preferred_contact: 'phone' });
  const badDob = await api(desk, 'POST', `/enquiries/${future.json.id}/register`, { date_of_birth: '2999-01-01' });
  assert.equal(badDob.status, 400);
  assert.equal(badDob.json.error.field, 'date_of_birth');

  // 3. The front desk may not record clinical history; the nurse does.
  const refused = await api(desk, 'POST', `/patients/${patientId}/history`, { answers: { pregnant: 'no' } });
  assert.equal(refused.status, 403);
  const answers = {};
  for (const q of (await api(nurse, 'GET', `/patients/${patientId}/history`)).json.questions) answers[q.code] = 'no';
  answers.aneurysmal_vascular_disease = 'yes';
  const history = await api(nurse, 'POST', `/patients/${patientId}/history`, { answers });
  assert.equal(history.status, 200, history.text);
  assert.equal(history.json.answers.find((a) => a.question === 'aneurysmal_vascular_disease').answer, 'yes');
  assert.equal((await api(nurse, 'POST', `/patients/${patientId}/diagnoses`, { code: 'F33.2' })).status, 201);
  assert.equal((await api(nurse, 'POST', `/patients/${patientId}/diagnoses`, { code: 'F99' })).json.error.field, 'code');
  assert.equal((await api(nurse, 'POST', `/patients/${patientId}/diagnoses`, { code: 'F33.2' })).status, 409);
  for (const [drug, response] of [['sertraline', 'none'], ['venlafaxine', 'partial']]) {
    const trial = await api(nurse, 'POST', `/patients/${patientId}/trials`, { drug, dose: 'usual', weeks: 8, response });
    assert.equal(trial.status, 201, trial.text);
  }

  // 4. Screening shows each finding with the facts that triggered it.
  const screening = await api(prescriber, 'GET', `/patients/${patientId}/screening`);
  assert.equal(screening.status, 200, screening.text);
  const exclusion = screening.json.findings.find((f) => f.rule === 'aneurysmal_vascular_disease');
  assert.equal(exclusion.outcome, 'exclude');
  assert.ok(exclusion.facts[0].endsWith(': yes'));
  assert.equal(screening.json.findings.find((f) => f.rule === 'treatment_resistant_depression').outcome, 'supports');
  assert.equal(screening.json.latest_decision, null);

  // 5. Only a prescriber decides; proceeding despite an exclusion needs an override.
  const byNurse = await api(nurse, 'POST', `/patients/${patientId}/eligibility-decisions`, { decision: 'eligible', reason: 'x' });
  assert.equal(byNurse.status, 403);
  const noOverride = await api(prescriber, 'POST', `/patients/${patientId}/eligibility-decisions`,
    { decision: 'eligible', reason: 'Severe TRD' });
  assert.equal(noOverride.status, 400);
  assert.equal(noOverride.json.error.field, 'override_reason');
  const decided = await api(prescriber, 'POST', `/patients/${patientId}/eligibility-decisions`, {
    decision: 'eligible_with_conditions', reason: 'Severe TRD',
    override_reason: 'Vascular surgeon confirms the aneurysm was repaired in 2019',
  });
  assert.equal(decided.status, 201, decided.text);
  assert.equal(decided.json.override, true);
  assert.equal(decided.json.rule_version, screening.json.rule_version);
  assert.equal(decided.json.needs_rescreen, false);

  // 6. A medicine of no interacting class changes nothing; a benzodiazepine does.
  await api(nurse, 'POST', `/patients/${patientId}/medications`, { name: 'Levothyroxine', class: 'none', dose: '50 mcg' });
  assert.equal((await api(prescriber, 'GET', `/patients/${patientId}/screening`)).json.latest_decision.needs_rescreen, false);
  const benzo = await api(nurse, 'POST', `/patients/${patientId}/medications`, { name: 'Lorazepam', class: 'benzodiazepine', dose: '1 mg' });
  assert.equal(benzo.status, 201, benzo.text);
  const after = (await api(prescriber, 'GET', `/patients/${patientId}/screening`)).json.latest_decision;
  assert.equal(after.needs_rescreen, true);
  assert.match(after.rescreen_reason, /Lorazepam/);

  // 7. The audit trail holds the override and the re-screening flag.
  const admin = await bearerLogin(server.url, DEMO_USERS.admin);
  const actions = (await auditEvents(server.url, admin, { entity_id: patientId })).map((e) => e.action);
  for (const a of ['patient.history.update', 'eligibility.decide_override', 'eligibility.rescreen_needed',
    'patient.screening.read'])
    assert.ok(actions.includes(a), `audit has ${a}`);
});

test("another clinic's patient is not found on every clinical route", async () => {
  const other = await api(prescriber, 'GET', '/patients/pat_doesnotexist/screening');
  assert.equal(other.status, 404);
  const hist = await api(nurse, 'POST', '/patients/pat_doesnotexist/history', { answers: { pregnant: 'no' } });
  assert.equal(hist.status, 404);
  const bad = await api(nurse, 'POST', `/patients/${patientId}/history`, { answers: { pregnant: 'maybe' } });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'answers');
});
