// The rest of the patient record, before a first session: the front desk completes a
// new patient's demographics and contacts (a minor needs a guardian), a nurse weighs
// and measures her, records an allergy and the baseline tests; wrong input is refused
// naming its field and changes nothing; roles limit who writes what; another
// clinic's staff find nothing; and the audit trail holds every step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCli, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, auditEvents, stopServers } from './helpers.mjs';

const OTHER_ADMIN = 'admin@other.test';
const OTHER_PASSWORD = 'other-clinic-password';

let boot;
let server;
let desk;
let nurse;
let therapist;
let other;
let patientId;

before(async () => {
  boot = await startServer();
  await boot.stop();
  const added = runCli(['user', 'add', '--database', boot.database, '--clinic', 'Other Clinic',
    '--email', OTHER_ADMIN, '--name', 'Other Admin', '--role', 'admin'], { input: `${OTHER_PASSWORD}\n` });
  assert.equal(added.code, 0, `user add failed: ${added.stderr}`);
  server = await startServer({ database: boot.database, dir: boot.dir });
  [desk, nurse, therapist] = await Promise.all(
    [DEMO_USERS.front_desk, DEMO_USERS.nurse, DEMO_USERS.therapist].map((u) => bearerLogin(server.url, u)));
  other = await bearerLogin(server.url, OTHER_ADMIN, OTHER_PASSWORD);
});
after(async () => { await stopServers(server, boot); });

const api = (token, method, path, body) => call(server.url, method, `/api/v1${path}`, { token, body });
const today = () => new Date().toISOString().slice(0, 10);
const yearsAgo = (n) => `${new Date().getUTCFullYear() - n}-01-01`;

const DEMOGRAPHICS = {
  preferred_name: 'Iz', sex_at_birth: 'female', gender_identity: 'Woman',
  phone: '+44 20 7946-0958', email: 'Iris.Novak@Example.org',
  emergency_contact_name: 'Jan Novak', emergency_contact_relationship: 'Brother', emergency_contact_phone: '555 123 4567',
  escort_name: 'Petra Novak', escort_phone: '555 765 4321', referrer: 'Dr Amara Lind, Harbour GP',
};

test('the front desk completes the demographics; the record keeps its identity', async () => {
  const created = await api(desk, 'POST', '/patients', { given_name: 'Iris', family_name: 'Novak', date_of_birth: '1990-04-12' });
  assert.equal(created.status, 201, created.text);
  patientId = created.json.id;
  const blank = await api(desk, 'GET', `/patients/${patientId}`);
  assert.equal(blank.json.sex_at_birth, null, 'not recorded yet');
  assert.equal(blank.json.phone, '');

  const saved = await api(desk, 'POST', `/patients/${patientId}/demographics`, DEMOGRAPHICS);
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.json.phone, '+442079460958');
  assert.equal(saved.json.email, 'iris.novak@example.org');
  // Search finds the patient by phone (any formatting, by prefix) and by date of birth.
  for (const q of ['+44 20 7946', '+442079460958', saved.json.date_of_birth]) {
    const found = await api(desk, 'GET', `/patients?q=${encodeURIComponent(q)}`);
    assert.equal(found.status, 200, found.text);
    assert.ok(found.json.items.some((p) => p.id === patientId), `search "${q}" finds the patient`);
  }

  const read = await api(therapist, 'GET', `/patients/${patientId}`);
  assert.equal(read.status, 200, read.text);
  for (const key of ['id', 'given_name', 'family_name', 'date_of_birth', 'created_at']) assert.ok(key in read.json, key);
  assert.equal(read.json.given_name, 'Iris');
  assert.equal(read.json.date_of_birth, '1990-04-12');
  assert.equal(read.json.escort_name, 'Petra Novak');
  assert.equal(read.json.emergency_contact_relationship, 'Brother');
  assert.equal(read.json.guardian_name, '');

  // Fields left out keep their values; a corrected name is searchable at once.
  const renamed = await api(desk, 'POST', `/patients/${patientId}/demographics`, { family_name: 'Novak-Reyes', referrer: null });
  assert.equal(renamed.status, 200, renamed.text);
  assert.equal(renamed.json.referrer, DEMOGRAPHICS.referrer);
  assert.equal(renamed.json.escort_phone, '5557654321');
  const found = await api(desk, 'GET', '/patients?q=novak-r');
  assert.deepEqual(found.json.items.map((p) => p.id), [patientId]);
});

test('bad demographics are refused naming the field, and nothing is half-saved', async () => {
  const cases = [
    [{ date_of_birth: '2999-01-01' }, 'date_of_birth'],
    [{ date_of_birth: '1850-01-01' }, 'date_of_birth'],
    [{ date_of_birth: '1990-02-30' }, 'date_of_birth'],
    [{ phone: 'call me maybe' }, 'phone'],
    [{ emergency_contact_phone: '12' }, 'emergency_contact_phone'],
    [{ email: 'iris@' }, 'email'],
    [{ sex_at_birth: 'F' }, 'sex_at_birth'],
    [{ gender_identity: 'x'.repeat(101) }, 'gender_identity'],
    [{ referrer: 'r'.repeat(201) }, 'referrer'],
    [{ escort_name: '', escort_phone: '555 000 1111' }, 'escort_name'],
    [{ phone: 5551234567 }, 'phone'],
  ];
  for (const [change, field] of cases) {
    const r = await api(desk, 'POST', `/patients/${patientId}/demographics`, { preferred_name: 'Changed', ...change });
    assert.equal(r.status, 400, `${JSON.stringify(change)}: ${r.text}`);
    assert.equal(r.json.error.field, field, JSON.stringify(change));
  }
  const read = await api(desk, 'GET', `/patients/${patientId}`);
  assert.equal(read.json.preferred_name, 'Iz');
  assert.equal(read.json.escort_name, 'Petra Novak');
  assert.equal(read.json.date_of_birth, '1990-04-12');
  const notJson = await call(server.url, 'POST', `/api/v1/patients/${patientId}/demographics`, {
    token: desk, body: undefined, headers: { 'content-type': 'application/json' },
  });
  assert.equal(notJson.status, 400);
});

test('a minor needs a guardian with name, relationship and phone', async () => {
  const teen = await api(desk, 'POST', '/patients', { given_name: 'Leo', family_name: 'Novak', date_of_birth: yearsAgo(16) });
  assert.equal(teen.status, 201, teen.text);
  const without = await api(desk, 'POST', `/patients/${teen.json.id}/demographics`, { sex_at_birth: 'male' });
  assert.equal(without.status, 400);
  assert.equal(without.json.error.field, 'guardian_name');
  assert.match(without.json.error.message, /under 18/);
  const noPhone = await api(desk, 'POST', `/patients/${teen.json.id}/demographics`,
    { sex_at_birth: 'male', guardian_name: 'Iris Novak', guardian_relationship: 'Mother' });
  assert.equal(noPhone.json.error.field, 'guardian_phone');
  const withGuardian = await api(desk, 'POST', `/patients/${teen.json.id}/demographics`,
    { sex_at_birth: 'male', guardian_name: 'Iris Novak', guardian_relationship: 'Mother', guardian_phone: '555 123 4567' });
  assert.equal(withGuardian.status, 200, withGuardian.text);
  assert.equal(withGuardian.json.guardian_phone, '5551234567');
});

test('a nurse weighs and measures; the list is newest first, with units in the names', async () => {
  const weight = await api(nurse, 'POST', `/patients/${patientId}/measurements`, { weight_kg: 72.5, measured_on: '2026-01-10' });
  assert.equal(weight.status, 201, weight.text);
  assert.equal(weight.json.kind, 'weight');
  assert.equal(weight.json.weight_kg, 72.5);
  assert.equal(weight.json.recorded_by, DEMO_USERS.nurse);
  const height = await api(nurse, 'POST', `/patients/${patientId}/measurements`, { height_cm: 170 });
  assert.equal(height.status, 201, height.text);
  assert.equal(height.json.height_cm, 170);
  assert.equal(height.json.measured_on, today(), 'no date: today');
  assert.ok(!('weight_kg' in height.json));

  const bad = [
    [{ weight_kg: 720 }, 'weight_kg'],
    [{ weight_kg: 1.5 }, 'weight_kg'],
    [{ height_cm: 1.7 }, 'height_cm'],
    [{ height_cm: 251 }, 'height_cm'],
    [{ weight_kg: '72' }, 'weight_kg'],
    [{ weight_kg: 70, height_cm: 170 }, 'weight_kg'],
    [{}, 'weight_kg'],
    [{ kind: 'bmi', weight_kg: 70 }, 'kind'],
    [{ weight_kg: 70, measured_on: '2999-01-01' }, 'measured_on'],
    [{ weight_kg: 70, measured_on: '1980-01-01' }, 'measured_on'],
    [{ weight_kg: 70, measured_on: '10/01/2026' }, 'measured_on'],
  ];
  for (const [body, field] of bad) {
    const r = await api(nurse, 'POST', `/patients/${patientId}/measurements`, body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.equal(r.json.error.field, field, JSON.stringify(body));
  }
  const list = await api(therapist, 'GET', `/patients/${patientId}/measurements`);
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.json.items.map((m) => m.id), [height.json.id, weight.json.id]);
});

test('allergies are recorded once each, with who recorded them', async () => {
  const penicillin = await api(nurse, 'POST', `/patients/${patientId}/allergies`, { substance: 'Penicillin', reaction: 'Hives' });
  assert.equal(penicillin.status, 201, penicillin.text);
  assert.equal(penicillin.json.recorded_by, DEMO_USERS.nurse);
  const again = await api(nurse, 'POST', `/patients/${patientId}/allergies`, { substance: ' PENICILLIN ' });
  assert.equal(again.status, 409);
  assert.equal(again.json.error.code, 'already_recorded');
  assert.equal((await api(nurse, 'POST', `/patients/${patientId}/allergies`, { reaction: 'Rash' })).json.error.field, 'substance');
  assert.equal((await api(nurse, 'POST', `/patients/${patientId}/allergies`, { substance: 'x'.repeat(201) })).json.error.field, 'substance');
  const ketamine = await api(nurse, 'POST', `/patients/${patientId}/allergies`, { substance: 'Esketamine' });
  assert.equal(ketamine.status, 201, ketamine.text);
  assert.equal(ketamine.json.reaction, '');
  const list = await api(desk, 'GET', `/patients/${patientId}/allergies`);
  assert.deepEqual(list.json.items.map((a) => a.substance), ['Penicillin', 'Esketamine']);
});

test('baseline tests (ECG, liver, renal) with dates and a short result, newest first', async () => {
  for (const [kind, taken_on, result] of [['ecg', '2026-01-05', 'Sinus rhythm, QTc 410 ms'], ['liver', '2026-01-12', 'ALT 30 U/L'], ['renal', '2026-01-08', 'eGFR 95']]) {
    const r = await api(nurse, 'POST', `/patients/${patientId}/baseline-tests`, { kind, taken_on, result });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.kind, kind);
  }
  for (const [body, field] of [
    [{ kind: 'thyroid', taken_on: '2026-01-05', result: 'TSH 2' }, 'kind'],
    [{ kind: 'ecg', taken_on: '2999-01-05', result: 'Normal' }, 'taken_on'],
    [{ kind: 'ecg', taken_on: '2026-01-05', result: '' }, 'result'],
    [{ kind: 'ecg', taken_on: '2026-01-05', result: 'x'.repeat(201) }, 'result'],
    [{ kind: 'ecg', result: 'Normal' }, 'taken_on'],
  ]) {
    const r = await api(nurse, 'POST', `/patients/${patientId}/baseline-tests`, body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.equal(r.json.error.field, field, JSON.stringify(body));
  }
  const list = await api(therapist, 'GET', `/patients/${patientId}/baseline-tests`);
  assert.deepEqual(list.json.items.map((t) => t.kind), ['liver', 'renal', 'ecg']);
});

test('an entry entered in error is kept, struck through, and no rule counts it any more', async () => {
  const prescriber = await bearerLogin(server.url, DEMO_USERS.prescriber);
  // A weight typed in pounds: the plans screen (and the dose) use the earlier one again.
  const pounds = await api(nurse, 'POST', `/patients/${patientId}/measurements`, { weight_kg: 159.8 });
  assert.equal(pounds.status, 201, pounds.text);
  assert.equal((await api(prescriber, 'GET', `/patients/${patientId}/plans`)).json.weight_kg, 159.8);
  const path = `/patients/${patientId}/measurements/${pounds.json.id}/entered-in-error`;
  for (const [body, field] of [[{}, 'reason'], [{ reason: '  ' }, 'reason'], [{ reason: 7 }, 'reason'], [{ reason: 'r'.repeat(1001) }, 'reason']]) {
    const r = await api(nurse, 'POST', path, body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.equal(r.json.error.field, field);
  }
  assert.equal((await api(desk, 'POST', path, { reason: 'Typed in pounds' })).status, 403, 'history.write');
  assert.equal((await api(other, 'POST', path, { reason: 'Typed in pounds' })).status, 404, 'another clinic');
  const marked = await api(nurse, 'POST', path, { reason: 'Typed in pounds' });
  assert.equal(marked.status, 200, marked.text);
  assert.equal(marked.json.id, pounds.json.id);
  assert.equal(marked.json.entered_in_error.reason, 'Typed in pounds');
  assert.equal(marked.json.entered_in_error.by, DEMO_USERS.nurse);
  const again = await api(prescriber, 'POST', path, { reason: 'Again' });
  assert.equal(again.status, 409, again.text);
  assert.equal(again.json.error.code, 'already_entered_in_error');
  const list = await api(therapist, 'GET', `/patients/${patientId}/measurements`);
  const kept = list.json.items.find((m) => m.id === pounds.json.id);
  assert.equal(kept.entered_in_error.reason, 'Typed in pounds', 'kept, with why');
  assert.ok(list.json.items.filter((m) => m.id !== pounds.json.id).every((m) => m.entered_in_error === null));
  assert.equal((await api(prescriber, 'GET', `/patients/${patientId}/plans`)).json.weight_kg, 72.5);
  assert.equal((await api(nurse, 'POST', `/patients/${patientId}/allergies/${pounds.json.id}/entered-in-error`,
    { reason: 'x' })).status, 404, 'an id of another kind of entry');

  // A benzodiazepine on the wrong chart: screening drops it and the decision needs re-screening.
  const med = await api(nurse, 'POST', `/patients/${patientId}/medications`, { name: 'Lorazepam', class: 'benzodiazepine', dose: '1 mg' });
  assert.equal(med.status, 201, med.text);
  const decided = await api(prescriber, 'POST', `/patients/${patientId}/eligibility-decisions`,
    { decision: 'eligible_with_conditions', reason: 'Taper lorazepam first' });
  assert.equal(decided.status, 201, decided.text);
  const fixed = await api(nurse, 'POST', `/patients/${patientId}/medications/${med.json.id}/entered-in-error`,
    { reason: "Another patient's medication" });
  assert.equal(fixed.status, 200, fixed.text);
  const screening = await api(prescriber, 'GET', `/patients/${patientId}/screening`);
  assert.ok(!screening.json.findings.some((f) => f.rule === 'interacting_medication_benzodiazepine'));
  assert.equal(screening.json.latest_decision.needs_rescreen, true);
  assert.match(screening.json.latest_decision.rescreen_reason, /Entered in error: medication Lorazepam/);
  const history = await api(therapist, 'GET', `/patients/${patientId}/history`);
  assert.equal(history.json.medications.find((m) => m.id === med.json.id).entered_in_error.by, DEMO_USERS.nurse);
});

test('roles limit who writes: demographics need patients.write, clinical entries history.write', async () => {
  const refused = [
    [therapist, 'demographics', { sex_at_birth: 'female' }],
    [desk, 'measurements', { weight_kg: 70 }],
    [desk, 'allergies', { substance: 'Latex' }],
    [therapist, 'baseline-tests', { kind: 'ecg', taken_on: '2026-01-05', result: 'Normal' }],
  ];
  for (const [token, route, body] of refused) {
    const r = await api(token, 'POST', `/patients/${patientId}/${route}`, body);
    assert.equal(r.status, 403, `${route}: ${r.text}`);
  }
  assert.equal((await api(nurse, 'POST', `/patients/${patientId}/demographics`, { preferred_name: 'Iz' })).status, 200);
});

test("another clinic's staff find nothing on any record route", async () => {
  for (const route of ['', '/measurements', '/allergies', '/baseline-tests']) {
    const r = await api(other, 'GET', `/patients/${patientId}${route}`);
    assert.equal(r.status, 404, `GET ${route}: ${r.text}`);
    assert.ok(!r.text.includes('Novak'));
  }
  for (const [route, body] of [
    ['demographics', { phone: '555 000 0000' }], ['measurements', { weight_kg: 70 }],
    ['allergies', { substance: 'Latex' }], ['baseline-tests', { kind: 'ecg', taken_on: '2026-01-05', result: 'Normal' }],
  ]) {
    const r = await api(other, 'POST', `/patients/${patientId}/${route}`, body);
    assert.equal(r.status, 404, `POST ${route}: ${r.text}`);
  }
  assert.equal((await api(nurse, 'GET', `/patients/${patientId}`)).json.phone, '+442079460958');
});

test('the audit trail holds every read, write and refusal of the record', async () => {
  const admin = await bearerLogin(server.url, DEMO_USERS.admin);
  const events = await auditEvents(server.url, admin, { entity_id: patientId });
  const seen = new Set(events.map((e) => `${e.action} ${e.outcome}`));
  for (const expected of [
    'patient.demographics.update success', 'patient.demographics.update denied',
    'patient.measurement.create success', 'patient.measurement.create denied', 'patient.measurements.read success',
    'patient.allergy.create success', 'patient.allergy.create denied', 'patient.allergies.read success',
    'patient.baseline_test.create success', 'patient.baseline_test.create denied', 'patient.baseline_tests.read success',
    'patient.measurement.entered_in_error success', 'patient.measurement.entered_in_error denied',
    'patient.medication.entered_in_error success', 'eligibility.rescreen_needed success',
  ]) assert.ok(seen.has(expected), `audit has ${expected}`);
  const updates = events.filter((e) => e.action === 'patient.demographics.update' && e.outcome === 'success');
  assert.equal(updates.length, 3, 'refused input wrote no event: the save, the rename and the nurse\'s change');
});

test('the demo patient Tomás, who has a plan and a dose order, was screened eligible on his recorded facts', async () => {
  const found = await api(therapist, 'GET', '/patients?q=ferreira');
  const tomas = found.json.items.find((p) => p.given_name === 'Tomás');
  assert.ok(tomas, found.text);
  const screening = await api(therapist, 'GET', `/patients/${tomas.id}/screening`);
  assert.equal(screening.status, 200, screening.text);
  const latest = screening.json.latest_decision;
  assert.equal(latest.decision, 'eligible');
  assert.equal(latest.needs_rescreen, false, 'the decision matches the facts as they stand');
  assert.equal(latest.rule_version, screening.json.rule_version);
  assert.ok(screening.json.findings.some((f) => f.rule === 'treatment_resistant_depression' && f.outcome === 'supports'));
  assert.ok(!screening.json.findings.some((f) => f.outcome === 'exclude'));
});
