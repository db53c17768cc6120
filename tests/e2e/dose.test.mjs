// Dosing, told through the real binary: a stale weight is refused naming `weight`; a
// zero concentration is refused naming it; the prescriber previews and orders an IV
// dose from the latest weight with the rounding stated; above the soft limit needs the
// prescriber's reason, above the hard limit is refused; a nurse cannot order; the
// orderer cannot check their own order; the nurse's view is blind until verified; a
// wrong concentration blocks the order (409, fields named, order unverified), the
// right values verify it; exposure adds up two orders; another clinic finds nothing;
// the clinic's settings change the limits; and the audit trail holds each step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCli, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, auditEvents, stopServers } from './helpers.mjs';

const OTHER_ADMIN = 'admin@other-dose.test';
const OTHER_PASSWORD = 'other clinic password 1';

let boot;
let server;
const tokens = {};
let patientId;

const DAY = 24 * 60 * 60 * 1000;
const dateIn = (days) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

before(async () => {
  boot = await startServer();
  await boot.stop();
  const added = runCli(['user', 'add', '--database', boot.database, '--clinic', 'Other Dose Clinic',
    '--email', OTHER_ADMIN, '--name', 'Other Admin', '--role', 'admin'], { input: `${OTHER_PASSWORD}\n` });
  assert.equal(added.code, 0, `user add failed: ${added.stderr}`);
  server = await startServer({ database: boot.database, dir: boot.dir });
  for (const role of ['admin', 'prescriber', 'nurse', 'therapist']) tokens[role] = await bearerLogin(server.url, DEMO_USERS[role]);
  tokens.other = await bearerLogin(server.url, OTHER_ADMIN, OTHER_PASSWORD);
  const p = await api('nurse', 'POST', '/patients', { given_name: 'Dana', family_name: 'Dosewell', date_of_birth: '1984-02-03' });
  assert.equal(p.status, 201, p.text);
  patientId = p.json.id;
});
after(async () => { await stopServers(server, boot); });

const api = (who, method, path, body) => call(server.url, method, `/api/v1${path}`, { token: tokens[who], body });

function assertError(r, status, code, field) {
  assert.equal(r.status, status, r.text);
  assert.equal(r.json.error.code, code, r.text);
  if (field !== undefined) assert.equal(r.json.error.field, field, r.text);
}

const iv = (mgPerKg, extra = {}) => ({
  route: 'iv', dose_rule: { mg_per_kg: mgPerKg, infusion_minutes: 40 }, concentration_mg_per_ml: 10,
  planned_for: dateIn(1), plan_id: 'pln_external_1', ...extra,
});

test('a missing or stale weight is refused naming weight', async () => {
  assertError(await api('prescriber', 'POST', `/patients/${patientId}/dose-calculations`, iv(0.5)), 400, 'weight_missing', 'weight');
  const old = await api('nurse', 'POST', `/patients/${patientId}/measurements`, { weight_kg: 80, measured_on: dateIn(-45) });
  assert.equal(old.status, 201, old.text);
  const stale = await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv(0.5));
  assertError(stale, 400, 'weight_stale', 'weight');
  assert.match(stale.json.error.message, /46 days old/);
  const exposure = await api('prescriber', 'GET', `/patients/${patientId}/exposure`);
  assert.equal(exposure.json.latest_weight.stale, true);
});

test('bad input names the field and writes nothing', async () => {
  const w = await api('nurse', 'POST', `/patients/${patientId}/measurements`, { weight_kg: 69, measured_on: dateIn(0) });
  assert.equal(w.status, 201, w.text);
  assertError(await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv(0.5, { concentration_mg_per_ml: 0 })),
    400, 'concentration_invalid', 'concentration_mg_per_ml');
  assertError(await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv(0.5, { concentration_mg_per_ml: -10 })),
    400, 'concentration_invalid', 'concentration_mg_per_ml');
  assertError(await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`,
    { route: 'im', dose_rule: { dose_mg: 35 }, concentration_mg_per_ml: 50 }), 400, 'dose_rule_invalid', 'dose_rule.dose_mg');
  assertError(await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv(0.5, { dose_rule: { mg_per_kg: 0.5, infusion_minutes: 500 } })),
    400, 'dose_rule_invalid', 'dose_rule.infusion_minutes');
  assertError(await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv('half')), 400, 'validation_failed', 'dose_rule.mg_per_kg');
  assertError(await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv(0.5, { route: 'iv_push' })), 400, 'validation_failed', 'route');
  const list = await api('prescriber', 'GET', `/patients/${patientId}/dose-orders`);
  assert.deepEqual(list.json.items, []);
});

test('the preview states the rounding, volume and pump rate and writes nothing', async () => {
  const r = await api('prescriber', 'POST', `/patients/${patientId}/dose-calculations`, iv(0.5));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.dose_mg, 35);
  assert.equal(r.json.unrounded_dose_mg, 34.5);
  assert.equal(r.json.dose_rounding, '34.5 mg rounded to 35 mg (nearest 1 mg)');
  assert.equal(r.json.volume_ml, 3.5);
  assert.equal(r.json.rate_ml_per_h, 5.3);
  assert.deepEqual(r.json.weight, { weight_kg: 69, measured_on: dateIn(0), age_days: 1, max_age_days: 30 });
  assert.equal(r.json.limit.verdict, 'within');
  assert.deepEqual((await api('prescriber', 'GET', `/patients/${patientId}/dose-orders`)).json.items, []);
});

let orderId;

test('above the soft limit needs a reason; above the hard limit is refused; a nurse cannot order', async () => {
  const preview = await api('prescriber', 'POST', `/patients/${patientId}/dose-calculations`, iv(1.2));
  assert.equal(preview.json.limit.verdict, 'above_soft');
  assert.equal(preview.json.limit.needs_override_reason, true);
  assertError(await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv(1.2)), 400, 'override_reason_required', 'override_reason');
  const over = await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`,
    iv(1.2, { override_reason: 'Partial response at 1.0 mg/kg; reviewed.' }));
  assert.equal(over.status, 201, over.text);
  assert.equal(over.json.limit.verdict, 'above_soft');
  assert.equal(over.json.override_by, DEMO_USERS.prescriber);
  assertError(await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv(4.6, { override_reason: 'no' })),
    409, 'dose_above_limit', 'dose_rule.mg_per_kg');
  assertError(await api('nurse', 'POST', `/patients/${patientId}/dose-orders`, iv(0.5)), 403, 'forbidden');
  const cancel = await api('prescriber', 'POST', `/dose-orders/${over.json.id}/cancel`, { reason: 'Entered for the wrong day.' });
  assert.equal(cancel.status, 200, cancel.text);
  assert.equal(cancel.json.status, 'cancelled');

  const ordered = await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv(0.5));
  assert.equal(ordered.status, 201, ordered.text);
  assert.equal(ordered.json.status, 'ordered');
  assert.equal(ordered.json.dose_mg, 35);
  assert.equal(ordered.json.plan_id, 'pln_external_1');
  orderId = ordered.json.id;
});

test('the orderer cannot check their own order', async () => {
  assertError(await api('prescriber', 'POST', `/dose-orders/${orderId}/double-check`, { weight_kg: 69, concentration_mg_per_ml: 10 }),
    403, 'double_check_by_orderer');
  assertError(await api('therapist', 'POST', `/dose-orders/${orderId}/double-check`, { weight_kg: 69, concentration_mg_per_ml: 10 }),
    403, 'forbidden');
});

test("the nurse's view is blind; a wrong concentration blocks the order; the right values verify it", async () => {
  const blind = await api('nurse', 'GET', `/dose-orders/${orderId}`);
  assert.equal(blind.status, 200, blind.text);
  assert.equal(blind.json.blinded, true);
  assert.equal(blind.json.can_check, true);
  for (const hidden of ['weight', 'concentration_mg_per_ml', 'dose_mg', 'volume_ml', 'rate_ml_per_h', 'dose_rounding'])
    assert.equal(blind.json[hidden], null, hidden);
  assert.deepEqual(blind.json.dose_rule, { mg_per_kg: 0.5, dose_mg: null, infusion_minutes: 40 });
  assert.ok(!blind.text.includes('"weight_kg":69'));
  const queue = await api('nurse', 'GET', '/dose-checks');
  const mine = queue.json.items.find((o) => o.id === orderId);
  assert.ok(mine, 'the order waits for a check');
  assert.equal(mine.concentration_mg_per_ml, null);

  const wrong = await api('nurse', 'POST', `/dose-orders/${orderId}/double-check`, { weight_kg: 69, concentration_mg_per_ml: 50 });
  assertError(wrong, 409, 'double_check_mismatch', 'concentration_mg_per_ml');
  assert.ok(!wrong.text.includes('10 mg/mL'));
  const both = await api('nurse', 'POST', `/dose-orders/${orderId}/double-check`, { weight_kg: 70, concentration_mg_per_ml: 50 });
  assertError(both, 409, 'double_check_mismatch', 'weight_kg,concentration_mg_per_ml');
  const after = await api('nurse', 'GET', `/dose-orders/${orderId}`);
  assert.equal(after.json.status, 'blocked');
  assert.equal(after.json.blinded, true);
  assert.equal(after.json.checks.length, 2);
  assert.deepEqual(after.json.checks.map((c) => c.result), ['mismatch', 'mismatch']);
  assert.equal(after.json.checks[0].concentration_mg_per_ml, null);

  const right = await api('nurse', 'POST', `/dose-orders/${orderId}/double-check`, { weight_kg: 69.04, concentration_mg_per_ml: 10 });
  assert.equal(right.status, 200, right.text);
  assert.equal(right.json.status, 'verified');
  assert.equal(right.json.blinded, false);
  assert.equal(right.json.verified_by, DEMO_USERS.nurse);
  assert.equal(right.json.concentration_mg_per_ml, 10);
  assert.equal(right.json.rate_ml_per_h, 5.3);
  assertError(await api('nurse', 'POST', `/dose-orders/${orderId}/double-check`, { weight_kg: 69, concentration_mg_per_ml: 10 }),
    409, 'dose_order_not_awaiting_check');
  assert.ok(!(await api('nurse', 'GET', '/dose-checks')).json.items.some((o) => o.id === orderId));
});

test('exposure adds up the orders of the last 30 days, each over its own weight', async () => {
  const second = await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv(0.75, { planned_for: dateIn(4) }));
  assert.equal(second.status, 201, second.text);
  assert.equal(second.json.dose_mg, 52);  // 51.75 -> 52
  const r = await api('prescriber', 'GET', `/patients/${patientId}/exposure?on=${dateIn(4)}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.exposure.sessions, 2); // the cancelled order does not count
  assert.equal(r.json.exposure.total_mg, 87);
  assert.equal(r.json.exposure.total_mg_per_kg, 1.261); // 0.507 + 0.754
  assertError(await api('prescriber', 'GET', `/patients/${patientId}/exposure?on=soon`), 400, 'validation_failed', 'on');
});

test('another clinic finds nothing', async () => {
  assertError(await api('other', 'GET', `/dose-orders/${orderId}`), 404, 'not_found');
  assertError(await api('other', 'GET', `/patients/${patientId}/dose-orders`), 404, 'not_found');
  assertError(await api('other', 'GET', `/patients/${patientId}/exposure`), 404, 'not_found');
  assertError(await api('other', 'POST', `/dose-orders/${orderId}/cancel`, { reason: 'x' }), 403, 'forbidden');
});

test('the admin changes the limits; the next order records the settings version', async () => {
  const before = await api('nurse', 'GET', '/clinic/dose-settings');
  assert.equal(before.json.version, 0);
  assert.deepEqual(before.json.limits.iv, { soft: 1, hard: 4.5, unit: 'mg/kg' });
  assertError(await api('prescriber', 'POST', '/clinic/dose-settings', { max_weight_age_days: 7 }), 403, 'forbidden');
  assertError(await api('admin', 'POST', '/clinic/dose-settings', { limits: { iv: { soft: 5 } } }), 400, 'validation_failed', 'limits.iv.soft');
  const saved = await api('admin', 'POST', '/clinic/dose-settings', { limits: { iv: { soft: 0.6 } }, dose_rounding_mg: 0.5 });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.json.version, 1);
  assert.equal(saved.json.updated_by, DEMO_USERS.admin);
  assertError(await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv(0.7)), 400, 'override_reason_required');
  const o = await api('prescriber', 'POST', `/patients/${patientId}/dose-orders`, iv(0.5, { planned_for: dateIn(2) }));
  assert.equal(o.json.settings_version, 1);
  assert.equal(o.json.dose_rounding, '34.5 mg (no rounding needed; nearest 0.5 mg)');
});

test('the audit trail holds every write, mismatch and refusal', async () => {
  const events = await auditEvents(server.url, tokens.admin);
  const seen = new Set(events.map((e) => `${e.action} ${e.outcome}`));
  for (const expected of ['dose.order success', 'dose.order.override success', 'dose.order denied', 'dose.order.cancel success',
    'dose.double_check.mismatch failure', 'dose.double_check.match success', 'dose.double_check denied',
    'dose.order.read success', 'dose.calculate success', 'dose.exposure.read success', 'dose.checks.read success',
    'settings.dose.update success'])
    assert.ok(seen.has(expected), `missing ${expected}`);
  const mismatches = events.filter((e) => e.action === 'dose.double_check.mismatch' && e.entity_id === orderId);
  assert.equal(mismatches.length, 2);
});
