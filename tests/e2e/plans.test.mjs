// Treatment plans, told through the real binary: a prescriber signs an IV plan
// (0.5 mg/kg over 40 min, 6 sessions at most 3 a week) and its proposal dates six
// sessions never more than three in any week; a nurse reads it but cannot sign; a
// change needs a reason and becomes version 2; an esketamine plan proposes the label's
// schedule; a dose rule that does not fit its route is refused naming the field and
// writes nothing; the PK simulation of the IV dose peaks at the end of the infusion,
// and a second dose superposes; the admin changes the plan settings; another clinic
// finds nothing; and the audit trail holds each step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCli, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, auditEvents, stopServers } from './helpers.mjs';

const OTHER_ADMIN = 'admin@other.test';
const OTHER_PASSWORD = 'other-clinic-password';

let boot;
let server;
const tokens = {};
let other;
let patientId;

before(async () => {
  boot = await startServer();
  await boot.stop();
  const added = runCli(['user', 'add', '--database', boot.database, '--clinic', 'Other Clinic',
    '--email', OTHER_ADMIN, '--name', 'Other Admin', '--role', 'admin'], { input: `${OTHER_PASSWORD}\n` });
  assert.equal(added.code, 0, `user add failed: ${added.stderr}`);
  server = await startServer({ database: boot.database, dir: boot.dir });
  for (const role of ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk'])
    tokens[role] = await bearerLogin(server.url, DEMO_USERS[role]);
  other = await bearerLogin(server.url, OTHER_ADMIN, OTHER_PASSWORD);
  const created = await api('nurse', 'POST', '/patients', { given_name: 'Priya', family_name: 'Plan', date_of_birth: '1984-03-02' });
  assert.equal(created.status, 201, created.text);
  patientId = created.json.id;
  for (const code of ['F33.2', 'F43.10']) {
    const d = await api('prescriber', 'POST', `/patients/${patientId}/diagnoses`, { code });
    assert.equal(d.status, 201, d.text);
  }
});
after(async () => { await stopServers(server, boot); });

const api = (role, method, path, body) =>
  call(server.url, method, `/api/v1${path}`, { token: role === 'other' ? other : tokens[role], body });

const IV_PLAN = {
  indications: ['F33.2'],
  goals: [{ text: 'Remission of depression', instrument: 'phq9', target_score: 4 }, { text: 'Back at work' }],
  route: 'iv',
  dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40 },
  induction: { sessions: 6, max_per_week: 3, weeks: 2 },
  maintenance: { interval_days: 0 },
  titration: { step: 0.1, ceiling: 0.75 },
};

/** Day number of a YYYY-MM-DD date. */
const dayOf = (d) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
/** The most sessions in any 7 consecutive days, and in any Monday-based week. */
function weeklyMaxima(sessions) {
  const days = sessions.map((s) => dayOf(s.date));
  const rolling = Math.max(...days.map((d) => days.filter((x) => x >= d && x < d + 7).length));
  const byWeek = {};
  for (const d of days) { const w = Math.floor((d + 3) / 7); byWeek[w] = (byWeek[w] || 0) + 1; }
  return { rolling, calendar: Math.max(...Object.values(byWeek)) };
}

test('a prescriber signs an IV plan; its proposal dates 6 sessions, never more than 3 a week', async () => {
  const none = await api('nurse', 'GET', `/patients/${patientId}/plans`);
  assert.equal(none.status, 200, none.text);
  assert.equal(none.json.current, null);
  assert.deepEqual(none.json.diagnoses.map((d) => d.code).sort(), ['F33.2', 'F43.10']);
  assert.match(none.json.diagnoses.find((d) => d.code === 'F33.2').label, /recurrent, severe/);
  const noPlan = await api('nurse', 'GET', `/patients/${patientId}/plans/current/proposal?start=2026-11-26`);
  assert.equal(noPlan.status, 404);
  assert.equal(noPlan.json.error.code, 'no_plan');

  const signed = await api('prescriber', 'POST', `/patients/${patientId}/plans`, IV_PLAN);
  assert.equal(signed.status, 201, signed.text);
  assert.equal(signed.json.version, 1);
  assert.equal(signed.json.dose_rule.mg_per_kg, 0.5);
  assert.equal(signed.json.dose_rule.infusion_minutes, 40);
  assert.equal(signed.json.dose_unit, 'mg/kg');
  assert.equal(signed.json.goals[1].instrument, null);
  assert.match(signed.json.signed_at, /Z$/);

  for (const start of ['2026-11-23', '2026-11-26', '2026-11-29']) {  // a Monday, a Thursday, a Sunday
    const p = await api('nurse', 'GET', `/patients/${patientId}/plans/current/proposal?start=${start}&horizon_weeks=6`);
    assert.equal(p.status, 200, p.text);
    assert.equal(p.json.sessions.length, 6);
    assert.equal(p.json.sessions[0].date, start);
    assert.ok(p.json.sessions.every((s) => s.phase === 'induction' && s.mg_per_kg === 0.5 && s.infusion_minutes === 40));
    const { rolling, calendar } = weeklyMaxima(p.json.sessions);
    assert.ok(rolling <= 3 && calendar <= 3, `${start}: ${rolling} in 7 days, ${calendar} in a week`);
    const dates = p.json.sessions.map((s) => s.date);
    assert.deepEqual([...dates].sort(), dates, 'in date order');
  }
  const monday = await api('therapist', 'GET', `/patients/${patientId}/plans/current/proposal?start=2026-11-23&horizon_weeks=4`);
  assert.deepEqual(monday.json.sessions.map((s) => s.date),
    ['2026-11-23', '2026-11-25', '2026-11-27', '2026-11-30', '2026-12-02', '2026-12-04']);
  const bad = await api('nurse', 'GET', `/patients/${patientId}/plans/current/proposal?start=2026-13-01`);
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'start');
});

test('a nurse, an admin and a therapist cannot sign; the front desk cannot read', async () => {
  for (const role of ['nurse', 'admin', 'therapist']) {
    const r = await api(role, 'POST', `/patients/${patientId}/plans`, { ...IV_PLAN, reason: 'Try' });
    assert.equal(r.status, 403, `${role}: ${r.text}`);
  }
  assert.equal((await api('front_desk', 'GET', `/patients/${patientId}/plans`)).status, 403);
  const list = await api('nurse', 'GET', `/patients/${patientId}/plans`);
  assert.equal(list.json.versions.length, 1, 'nothing was written');
});

test('a change without a reason is refused; with one it is version 2, newest first', async () => {
  const changed = { ...IV_PLAN, dose_rule: { mg_per_kg: 0.75, infusion_minutes: 40 }, based_on_version: 1 };
  const noReason = await api('prescriber', 'POST', `/patients/${patientId}/plans`, changed);
  assert.equal(noReason.status, 400, noReason.text);
  assert.equal(noReason.json.error.field, 'reason');
  const v2 = await api('prescriber', 'POST', `/patients/${patientId}/plans`, { ...changed, reason: 'Partial response at 0.5 mg/kg' });
  assert.equal(v2.status, 201, v2.text);
  assert.equal(v2.json.version, 2);
  const stale = await api('prescriber', 'POST', `/patients/${patientId}/plans`, { ...changed, reason: 'Again' });
  assert.equal(stale.status, 409);
  assert.equal(stale.json.error.code, 'stale_plan');

  const list = await api('nurse', 'GET', `/patients/${patientId}/plans`);
  assert.deepEqual(list.json.versions.map((v) => v.version), [2, 1]);
  assert.equal(list.json.current.version, 2);
  assert.equal(list.json.current.reason, 'Partial response at 0.5 mg/kg');
  assert.equal(list.json.current.signed_by.display_name.length > 0, true);
  assert.equal(list.json.versions[1].dose_rule.mg_per_kg, 0.5, 'version 1 is unchanged');
});

test('a dose rule that does not fit the route is refused naming the field, and writes nothing', async () => {
  const cases = [
    [{ ...IV_PLAN, route: 'intranasal_esketamine', based_on_version: 2, reason: 'x' }, 'dose_rule.mg_per_kg'],
    [{ ...IV_PLAN, route: 'im', based_on_version: 2, reason: 'x' }, 'dose_rule.infusion_minutes'],
    [{ ...IV_PLAN, dose_rule: { mg_per_kg: 0.5 }, based_on_version: 2, reason: 'x' }, 'dose_rule.infusion_minutes'],
    [{ ...IV_PLAN, route: 'oral', dose_rule: {}, titration: null, based_on_version: 2, reason: 'x' }, 'dose_rule.dose_mg'],
    [{ ...IV_PLAN, dose_rule: { mg_per_kg: 'half', infusion_minutes: 40 } }, 'dose_rule.mg_per_kg'],
    [{ ...IV_PLAN, induction: { sessions: 6, max_per_week: 9, weeks: 2 }, reason: 'x' }, 'induction.max_per_week'],
    [{ ...IV_PLAN, indications: ['F42.2'], reason: 'x' }, 'indications[0]'],
    [{ ...IV_PLAN, goals: [{ text: 'PHQ', instrument: 'phq9', target_score: 40 }], reason: 'x' }, 'goals[0].target_score'],
    [{ ...IV_PLAN, route: 'rectal' }, 'route'],
  ];
  for (const [body, field] of cases) {
    const r = await api('prescriber', 'POST', `/patients/${patientId}/plans`, body);
    assert.equal(r.status, 400, `${field}: ${r.text}`);
    assert.equal(r.json.error.field, field, r.text);
    assert.ok(r.json.error.message.length > 0);
  }
  const list = await api('nurse', 'GET', `/patients/${patientId}/plans`);
  assert.equal(list.json.versions.length, 2);
});

test('an esketamine plan proposes the label schedule week by week', async () => {
  const esk = {
    indications: ['F33.2'], route: 'intranasal_esketamine',
    dose_rule: { first_dose_mg: 56, dose_mg: 84 },
    induction: { sessions: 8, max_per_week: 2, weeks: 4 },
    maintenance: { interval_days: 14 },
    reason: 'Switch to esketamine', based_on_version: 2,
  };
  const signed = await api('prescriber', 'POST', `/patients/${patientId}/plans`, esk);
  assert.equal(signed.status, 201, signed.text);
  const start = '2026-11-24';
  const p = await api('nurse', 'GET', `/patients/${patientId}/plans/current/proposal?start=${start}&horizon_weeks=16`);
  assert.equal(p.status, 200, p.text);
  const perWeek = Array(16).fill(0);
  for (const s of p.json.sessions) perWeek[Math.floor((dayOf(s.date) - dayOf(start)) / 7)] += 1;
  assert.deepEqual(perWeek, [2, 2, 2, 2, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0]);
  assert.equal(p.json.sessions[0].dose_mg, 56);
  assert.equal(p.json.sessions[1].dose_mg, 84);
  assert.ok(weeklyMaxima(p.json.sessions).rolling <= 2);
  const wrong = await api('prescriber', 'POST', `/patients/${patientId}/plans`,
    { ...esk, maintenance: { interval_days: 10 }, based_on_version: 3, reason: 'x' });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.json.error.field, 'maintenance.interval_days');
});

test('the PK simulation of 0.5 mg/kg IV over 40 min at 70 kg peaks at the end of the infusion', async () => {
  const body = { route: 'iv', weight_kg: 70, model: 'domino', hours: 6, doses: [{ at_minute: 0, dose_mg: 35, infusion_minutes: 40 }] };
  const r = await api('nurse', 'POST', '/pk/simulation', body);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.time_to_peak_minute, 40);
  assert.equal(r.json.points.length, 361);
  assert.equal(r.json.bioavailability, 1);
  assert.equal(r.json.absorption_per_h, null);
  assert.equal(r.json.model, 'domino');
  const at = (m, json = r.json) => json.points[m].concentration_ng_per_ml;
  assert.ok(at(20) < at(40) && at(60) < at(40), 'rises during the infusion and falls after');
  assert.equal(r.json.peak_ng_per_ml, at(40));

  // A second dose at 120 min superposes: the sum of each alone.
  const second = { ...body, doses: [{ at_minute: 120, dose_mg: 35, infusion_minutes: 40 }] };
  const both = { ...body, doses: [...body.doses, ...second.doses] };
  const [b, ab] = await Promise.all([api('nurse', 'POST', '/pk/simulation', second), api('nurse', 'POST', '/pk/simulation', both)]);
  for (const m of [30, 119, 160, 300]) assert.ok(Math.abs(at(m, ab.json) - (at(m) + at(m, b.json))) < 0.02, `minute ${m}`);

  const nasal = await api('therapist', 'POST', '/pk/simulation',
    { route: 'intranasal_esketamine', weight_kg: 70, model: 'clements', doses: [{ at_minute: 0, dose_mg: 56 }] });
  assert.equal(nasal.status, 200, nasal.text);
  assert.equal(nasal.json.bioavailability, 0.48);
  assert.ok(nasal.json.time_to_peak_minute >= 20 && nasal.json.time_to_peak_minute <= 40);

  const oral = await api('nurse', 'POST', '/pk/simulation', { route: 'oral', weight_kg: 70, doses: [{ at_minute: 0, dose_mg: 100 }] });
  assert.equal(oral.status, 400);
  assert.equal(oral.json.error.code, 'absorption_rate_needed');
  assert.equal(oral.json.error.field, 'absorption_per_h');
  for (const [bad, field] of [
    [{ ...body, weight_kg: 0 }, 'weight_kg'],
    [{ ...body, model: 'marsh' }, 'model'],
    [{ ...body, doses: [{ at_minute: 0, dose_mg: -5 }] }, 'doses[0].dose_mg'],
    [{ ...body, route: 'im', doses: [{ at_minute: 0, dose_mg: 35, infusion_minutes: 10 }] }, 'doses[0].infusion_minutes'],
    [{ ...body, hours: 100 }, 'hours'],
  ]) {
    const x = await api('nurse', 'POST', '/pk/simulation', bad);
    assert.equal(x.status, 400, `${field}: ${x.text}`);
    assert.equal(x.json.error.field, field);
  }
  assert.equal((await api('front_desk', 'POST', '/pk/simulation', body)).status, 403);
});

test('the admin sets the plan settings; others may not; a plan records the version it used', async () => {
  const before = await api('nurse', 'GET', '/clinic/plan-settings');
  assert.equal(before.status, 200, before.text);
  assert.equal(before.json.version, 0);
  assert.equal(before.json.max_mg_per_kg, 1);
  assert.equal(before.json.routes.find((r) => r.route === 'sc').bioavailability, null);
  assert.equal((await api('prescriber', 'POST', '/clinic/plan-settings', { max_mg_per_kg: 2 })).status, 403);
  const bad = await api('admin', 'POST', '/clinic/plan-settings', { routes: [{ route: 'oral', bioavailability: 1.5 }] });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'routes[0].bioavailability');
  const saved = await api('admin', 'POST', '/clinic/plan-settings',
    { routes: [{ route: 'oral', bioavailability: 0.25, absorption_per_h: 1.2 }] });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.json.version, 1);
  assert.equal(saved.json.updated_by, DEMO_USERS.admin);
  const oral = await api('nurse', 'POST', '/pk/simulation', { route: 'oral', weight_kg: 70, doses: [{ at_minute: 0, dose_mg: 100 }] });
  assert.equal(oral.status, 200, oral.text);
  assert.equal(oral.json.absorption_per_h, 1.2);
  assert.equal(oral.json.settings_version, 1);
});

test("another clinic's staff find nothing", async () => {
  for (const [method, path, body] of [
    ['GET', `/patients/${patientId}/plans`],
    ['GET', `/patients/${patientId}/plans/current/proposal?start=2026-11-23`],
  ]) {
    const r = await api('other', method, path, body);
    assert.equal(r.status, 404, `${path}: ${r.text}`);
  }
  const settings = await api('other', 'GET', '/clinic/plan-settings');
  assert.equal(settings.json.version, 0, 'their own clinic\'s defaults');
});

test('the audit trail holds each signature, read and settings change', async () => {
  // Staff events only: the demo seed signs a plan of its own (role "system").
  const events = (await auditEvents(server.url, tokens.admin)).filter((e) => e.role !== 'system');
  const count = (action, outcome = 'success') => events.filter((e) => e.action === action && e.outcome === outcome).length;
  assert.equal(count('plan.sign'), 3);
  assert.ok(events.filter((e) => e.action === 'plan.sign' && e.outcome === 'success').every((e) => e.user_email === DEMO_USERS.prescriber));
  assert.equal(count('plan.sign', 'denied'), 3);
  assert.ok(count('patient.plans.read') >= 4);
  assert.ok(count('patient.plan.proposal.read') >= 5);
  assert.equal(count('settings.plans.update'), 1);
  assert.equal(count('settings.plans.update', 'denied'), 1);
});
