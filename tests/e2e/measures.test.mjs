// Measurement-based care, told through the real binary: a nurse records a patient's
// weekly PHQ-9 until response and remission; a patient answers a link with thoughts of
// self-harm, sees the clinic's crisis message, and the task reaches the responsible
// prescriber, escalates to the medical director when nobody acts, and is acknowledged
// once; bad answers, foreign and expired links are refused and leave nothing behind;
// a submitted response is amended, not changed; a draft is resumed; a schedule says
// what is due and overdue; and the audit trail holds each step.
//
// Time passes through the server's test clock (KETACLINIC_TEST_CLOCK_FILE: an offset
// in milliseconds, re-read on every clock read). Sessions end when the clock jumps, so
// every jump signs everyone in again. The whole story runs from a noon UTC, so no
// step of it crosses midnight.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, auditEvents, stopServers } from './helpers.mjs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let server;
let clockDir;
let clockFile;
let offsetMs = 0;
let clinicId;
const tokens = {};   // role -> bearer token
const patients = {}; // given name -> patient id

/** Moves the server's clock to `offset` ms from real time, then signs everyone in again. */
async function setOffset(offset) {
  offsetMs = offset;
  writeFileSync(clockFile, String(Math.round(offset)));
  await signIn();
}
const advance = (ms) => setOffset(offsetMs + ms);
const serverNow = () => Date.now() + offsetMs;
const dateOf = (ms) => new Date(ms).toISOString().slice(0, 10);

async function signIn() {
  const roles = Object.keys(DEMO_USERS);
  const got = await Promise.all(roles.map((r) => bearerLogin(server.url, DEMO_USERS[r])));
  roles.forEach((r, i) => { tokens[r] = got[i]; });
}

before(async () => {
  clockDir = mkdtempSync(join(tmpdir(), 'ketaclinic-clock-'));
  clockFile = join(clockDir, 'offset');
  // Start at the next noon UTC at least an hour away.
  const noon = new Date(Date.now() + HOUR);
  noon.setUTCHours(12, 0, 0, 0);
  if (noon.getTime() < Date.now() + HOUR) noon.setUTCDate(noon.getUTCDate() + 1);
  offsetMs = noon.getTime() - Date.now();
  writeFileSync(clockFile, String(offsetMs));
  server = await startServer({ env: { KETACLINIC_TEST_CLOCK_FILE: clockFile } });
  assert.match(server.output(), /TEST CLOCK/, 'serve warns that the test clock is on');
  await signIn();
  clinicId = (await call(server.url, 'GET', '/api/v1/auth/me', { token: tokens.admin })).json.user.clinic.id;
  for (const p of (await api('nurse', 'GET', '/patients?limit=200')).json.items) patients[p.given_name] = p.id;
});
after(async () => {
  await stopServers(server);
  if (clockDir) rmSync(clockDir, { recursive: true, force: true });
});

const api = (role, method, path, body) => call(server.url, method, `/api/v1${path}`, { token: tokens[role], body });
const pub = (method, path, body) => call(server.url, method, `/api/v1/public${path}`, { body });

/** PHQ-9 answers from nine values, item 1 first. */
const phq9 = (...values) => Object.fromEntries(values.map((v, i) => [`phq9_${i + 1}`, v]));
const gad7 = (...values) => Object.fromEntries(values.map((v, i) => [`gad7_${i + 1}`, v]));
const measures = async (patient, role = 'nurse') => {
  const r = await api(role, 'GET', `/patients/${patient}/measures`);
  assert.equal(r.status, 200, r.text);
  return r.json;
};
const seriesOf = (view, instrument) => view.series.find((s) => s.instrument === instrument);
const allTasks = async () => {
  const r = await api('admin', 'GET', '/tasks?state=all');
  assert.equal(r.status, 200, r.text);
  return r.json.tasks;
};
const assertError = (r, status, code, field) => {
  assert.equal(r.status, status, r.text);
  assert.equal(r.json.error.code, code, r.text);
  if (field !== undefined) assert.equal(r.json.error.field, field, r.text);
};

// Each story's ids, for the audit check at the end.
const ids = {};

test('weekly PHQ-9 from baseline to response and remission', async () => {
  const maya = patients.Maya;
  const catalogue = await api('nurse', 'GET', '/instruments');
  assert.equal(catalogue.status, 200, catalogue.text);
  const phq = catalogue.json.instruments.find((i) => i.code === 'phq9');
  assert.equal(phq.completion, 'patient');
  assert.equal(phq.items.length, 9);
  assert.deepEqual(phq.items[8].options.map((o) => o.value), [0, 1, 2, 3]);
  assert.equal(phq.remission_at_most, 4);
  assert.equal(phq.response_applies, true);
  assert.equal(phq.loinc_total, '44261-6');
  assert.deepEqual(catalogue.json.instruments.map((i) => i.code),
    ['phq9', 'gad7', 'pcl5', 'bprs', 'madrs', 'cssrs', 'cadss', 'qids_sr16', 'pain_nrs', 'urinary', 'dissociation']);

  // Totals 18 (baseline), 10, 9, 4; question 9 is never positive.
  const weeks = [
    { answers: phq9(3, 3, 2, 2, 2, 2, 2, 2, 0), total: 18, band: 'Moderately severe' },
    { answers: phq9(2, 2, 1, 1, 1, 1, 1, 1, 0), total: 10, band: 'Moderate',
      outcome: { change: -8, percent: -44.4, response: false, remission: false } },
    { answers: phq9(2, 1, 1, 1, 1, 1, 1, 1, 0), total: 9, band: 'Mild',
      outcome: { change: -9, percent: -50, response: true, remission: false } },
    { answers: phq9(1, 1, 1, 1, 0, 0, 0, 0, 0), total: 4, band: 'None–minimal',
      outcome: { change: -14, percent: -77.8, response: true, remission: true } },
  ];
  const recorded = [];
  for (const [i, week] of weeks.entries()) {
    if (i > 0) await advance(7 * DAY);
    const askedAt = serverNow();
    const r = await api('nurse', 'POST', `/patients/${maya}/responses`,
      { instrument: 'phq9', answers: week.answers, submit: true });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.response.status, 'submitted');
    assert.equal(r.json.response.source, 'staff');
    assert.equal(r.json.response.total, week.total);
    assert.equal(r.json.response.band, week.band);
    assert.equal(r.json.response.entered_by, DEMO_USERS.nurse);
    assert.deepEqual(r.json.risk, []);
    assert.equal(r.json.task_id, null);
    const at = Date.parse(r.json.response.submitted_at);
    assert.ok(at >= askedAt - 1000 && at <= serverNow() + 1000, 'submitted at the server clock time');
    recorded.push(r.json.response);

    const view = await measures(maya);
    const s = seriesOf(view, 'phq9');
    const o = s.outcome;
    assert.deepEqual(o.baseline, { at: recorded[0].submitted_at, total: 18 });
    assert.deepEqual(o.latest, { at: r.json.response.submitted_at, total: week.total });
    assert.equal(o.latest_band, week.band);
    if (i === 0) {
      // A first result is a baseline, never a response or a remission.
      assert.equal(o.change, 0);
      assert.equal(o.percent_change, 0);
      assert.equal(o.response, false);
      assert.equal(o.remission, false);
      continue;
    }
    assert.equal(o.change, week.outcome.change);
    // The server sends the unrounded percentage (-77.777…); the contract's example shows one decimal.
    assert.equal(Math.round(o.percent_change * 10) / 10, week.outcome.percent, `percent_change ${o.percent_change}`);
    assert.equal(o.response, week.outcome.response, `response after week ${i}`);
    assert.equal(o.remission, week.outcome.remission, `remission after week ${i}`);
    assert.equal(o.meaningful_change, false, 'PHQ-9 has no meaningful-change threshold');
  }

  const view = await measures(maya);
  const points = seriesOf(view, 'phq9').points;
  assert.deepEqual(points.map((p) => p.response_id), recorded.map((r) => r.id), 'oldest first');
  assert.deepEqual(points.map((p) => p.total), [18, 10, 9, 4]);
  for (let i = 1; i < points.length; i++) {
    const gap = Date.parse(points[i].at) - Date.parse(points[i - 1].at);
    assert.ok(gap >= 7 * DAY && gap < 7 * DAY + 5 * MINUTE, `a week between points ${i - 1} and ${i}: ${gap}`);
  }
  assert.equal(points[0].band, 'Moderately severe');
  assert.equal(points.at(-1).band, 'None–minimal');
  assert.deepEqual(view.responses.map((r) => r.id), recorded.map((r) => r.id).reverse(), 'responses newest first');
  assert.ok(view.responses.every((r) => r.amends === null && r.amended_by === null));

  // Roles: a therapist reads the measures; the front desk neither reads nor records them.
  assert.equal((await api('therapist', 'GET', `/patients/${maya}/measures`)).status, 200);
  assertError(await api('front_desk', 'GET', `/patients/${maya}/measures`), 403, 'forbidden');
  assertError(await api('front_desk', 'POST', `/patients/${maya}/responses`,
    { instrument: 'phq9', answers: weeks[3].answers, submit: true }), 403, 'forbidden');
  assertError(await api('nurse', 'GET', '/patients/pat_nope/measures'), 404, 'not_found');
  ids.maya = { responses: recorded.map((r) => r.id) };
});

test('a risky link answer reaches the responsible prescriber, escalates, and is acknowledged once', async () => {
  const jonas = patients.Jonas;

  // The responsible clinician is a prescriber of the clinic.
  const clinicians = await api('nurse', 'GET', '/clinicians');
  assert.equal(clinicians.status, 200, clinicians.text);
  const prescriber = clinicians.json.clinicians.find((c) => c.email === DEMO_USERS.prescriber);
  assert.ok(prescriber, clinicians.text);
  assert.deepEqual(clinicians.json.clinicians.map((c) => c.email), [DEMO_USERS.prescriber], 'prescribers only');
  assert.deepEqual(prescriber.roles, ['prescriber']);
  const nurseId = (await call(server.url, 'GET', '/api/v1/auth/me', { token: tokens.nurse })).json.user.id;
  assertError(await api('nurse', 'POST', `/patients/${jonas}/responsible-clinician`, { user_id: nurseId }),
    400, 'validation_failed', 'user_id');
  const set = await api('nurse', 'POST', `/patients/${jonas}/responsible-clinician`, { user_id: prescriber.id });
  assert.equal(set.status, 200, set.text);
  assert.deepEqual(set.json.responsible_clinician,
    { id: prescriber.id, display_name: prescriber.display_name, email: DEMO_USERS.prescriber });
  assert.equal((await measures(jonas)).responsible_clinician.id, prescriber.id);

  // The medical director sets the escalation time and the clinic's own crisis message.
  const crisis = 'If you might act on these thoughts, call 555-0100 (Harbour crisis line) or 911 now. We will call you today.';
  assertError(await api('nurse', 'POST', '/clinic/measurement-settings', { escalation_minutes: 30 }), 403, 'forbidden');
  assertError(await api('admin', 'POST', '/clinic/measurement-settings', { escalation_minutes: 4 }),
    400, 'validation_failed', 'escalation_minutes');
  assertError(await api('admin', 'POST', '/clinic/measurement-settings', { crisis_message: '  ' }),
    400, 'validation_failed', 'crisis_message');
  const settings = await api('admin', 'POST', '/clinic/measurement-settings', { escalation_minutes: 30, crisis_message: crisis });
  assert.equal(settings.status, 200, settings.text);
  assert.equal(settings.json.escalation_minutes, 30);
  assert.equal(settings.json.crisis_message, crisis);
  assert.equal(settings.json.link_lifetime_hours, 72, 'fields left out keep their values');
  assert.equal(settings.json.phq9_rise_points, 5);
  assert.equal(settings.json.updated_by, DEMO_USERS.admin);
  assert.deepEqual((await api('prescriber', 'GET', '/clinic/measurement-settings')).json, settings.json);

  // A nurse sends the patient a PHQ-9 link.
  assertError(await api('front_desk', 'POST', `/patients/${jonas}/questionnaire-links`, { instruments: ['phq9'] }),
    403, 'forbidden');
  const sentAt = serverNow();
  const link = await api('nurse', 'POST', `/patients/${jonas}/questionnaire-links`, { instruments: ['phq9'] });
  assert.equal(link.status, 201, link.text);
  assert.match(link.json.id, /^lnk_/);
  assert.equal(link.json.path, `/q/${clinicId}/${link.json.token}`);
  const lifetime = Date.parse(link.json.expires_at) - sentAt;
  assert.ok(Math.abs(lifetime - 72 * HOUR) < MINUTE, `the link lasts 72 hours: ${lifetime}`);
  assert.match(link.json.message.body, new RegExp(`/q/${clinicId}/${link.json.token}`));
  assert.match(link.json.message.body, /PHQ-9/);
  const q = `/clinics/${clinicId}/questionnaires/${link.json.token}`;

  // The patient opens it, saves part, comes back, and submits with question 9 = "Several days".
  const opened = await pub('GET', q);
  assert.equal(opened.status, 200, opened.text);
  assert.equal(opened.json.clinic.name, 'Demo Clinic');
  assert.deepEqual(opened.json.instruments.map((i) => i.code), ['phq9']);
  assert.deepEqual(opened.json.answers, {});
  assert.deepEqual(opened.json.submitted, []);
  const saved = await pub('POST', `${q}/answers`, { instrument: 'phq9', answers: { phq9_1: 2, phq9_2: 2 }, submit: false });
  assert.equal(saved.status, 200, saved.text);
  assert.deepEqual(saved.json, { submitted: [], complete: false, crisis_message: null });
  assert.deepEqual((await pub('GET', q)).json.answers, { phq9: { phq9_1: 2, phq9_2: 2 } }, 'saved answers come back');
  assert.deepEqual((await allTasks()).filter((t) => t.patient.id === jonas), [], 'a saved draft raises nothing');
  const rest = { phq9_3: 1, phq9_4: 2, phq9_5: 1, phq9_6: 1, phq9_7: 1, phq9_8: 0, phq9_9: 1 };
  const submitted = await pub('POST', `${q}/answers`, { instrument: 'phq9', answers: rest, submit: true });
  assert.equal(submitted.status, 200, submitted.text);
  assert.deepEqual(submitted.json, { submitted: ['phq9'], complete: true, crisis_message: crisis });

  // The link is used up.
  assertError(await pub('GET', q), 410, 'link_used');
  assertError(await pub('POST', `${q}/answers`, { instrument: 'phq9', answers: rest, submit: true }), 410, 'link_used');
  const afterLink = await measures(jonas);
  assert.equal(afterLink.links.length, 1);
  assert.equal(afterLink.links[0].id, link.json.id);
  assert.equal(afterLink.links[0].status, 'used');
  assert.deepEqual(afterLink.links[0].submitted, ['phq9']);
  assert.equal(afterLink.responses.length, 1);
  const response = afterLink.responses[0];
  assert.equal(response.source, 'link');
  assert.equal(response.entered_by, null);
  assert.equal(response.total, 11);
  assert.equal(response.band, 'Moderate');
  assert.equal(response.answers.phq9_1, 2, 'the saved answers were kept');

  // The prescriber sees one open, high-priority task, assigned to them.
  const mine = await api('prescriber', 'GET', '/tasks');
  assert.equal(mine.status, 200, mine.text);
  assert.equal(mine.json.tasks.length, 1, mine.text);
  const task = mine.json.tasks[0];
  assert.match(task.id, /^tsk_/);
  assert.equal(task.kind, 'suicide_risk');
  assert.equal(task.priority, 'high');
  assert.deepEqual(task.patient, { id: jonas, name: 'Lindqvist, Jonas' });
  assert.equal(task.instrument, 'phq9');
  assert.equal(task.response_id, response.id);
  assert.equal(task.reasons.length, 1);
  assert.match(task.reasons[0], /question 9.*"Several days"/);
  assert.equal(task.assigned_to.id, prescriber.id);
  assert.equal(task.assigned_to.email, DEMO_USERS.prescriber);
  assert.equal(task.can_acknowledge, true);
  assert.equal(task.escalated, false);
  assert.equal(task.escalated_at, null);
  assert.equal(task.acknowledged_at, null);
  assert.equal(task.acknowledged_by, null);
  assert.equal(task.action, '');
  assert.equal(Date.parse(task.escalate_at) - Date.parse(task.created_at), 30 * MINUTE);

  // Nobody else's inbox holds it but the medical director's; the front desk has no inbox.
  const nurseTasks = await api('nurse', 'GET', '/tasks');
  assert.equal(nurseTasks.status, 200, nurseTasks.text);
  assert.deepEqual(nurseTasks.json.tasks, []);
  assertError(await api('front_desk', 'GET', '/tasks'), 403, 'forbidden');
  assertError(await api('nurse', 'POST', `/tasks/${task.id}/acknowledge`, { action: 'Called.' }), 403, 'forbidden');
  assertError(await api('nurse', 'GET', '/tasks?state=closed'), 400, 'validation_failed', 'state');

  // Nobody acts for 31 minutes: the task escalates to the medical director.
  await advance(31 * MINUTE);
  const director = await api('admin', 'GET', '/tasks');
  assert.equal(director.status, 200, director.text);
  const escalated = director.json.tasks.find((t) => t.id === task.id);
  assert.ok(escalated, director.text);
  assert.equal(escalated.escalated, true);
  assert.ok(Date.parse(escalated.escalated_at) >= Date.parse(task.escalate_at), escalated.escalated_at);
  assert.equal(escalated.can_acknowledge, true, 'the medical director may act on every task');
  assert.equal(escalated.acknowledged_at, null);
  assert.equal(director.json.tasks[0].id, task.id, 'escalated tasks come first');
  assert.equal((await api('prescriber', 'GET', '/tasks')).json.tasks[0].escalated, true, 'still in the prescriber\'s inbox');

  // The prescriber acknowledges it, once.
  const action = 'Phoned patient; safety plan reviewed; no current intent.';
  assertError(await api('prescriber', 'POST', `/tasks/${task.id}/acknowledge`, { action: '' }), 400, 'validation_failed', 'action');
  const ack = await api('prescriber', 'POST', `/tasks/${task.id}/acknowledge`, { action });
  assert.equal(ack.status, 200, ack.text);
  assert.equal(ack.json.id, task.id);
  assert.equal(ack.json.action, action);
  assert.equal(ack.json.acknowledged_by, DEMO_USERS.prescriber);
  assert.ok(Date.parse(ack.json.acknowledged_at) >= Date.parse(escalated.escalated_at));
  assert.equal(ack.json.can_acknowledge, false);
  assert.equal(ack.json.escalated, true);
  assertError(await api('prescriber', 'POST', `/tasks/${task.id}/acknowledge`, { action }), 409, 'already_acknowledged');
  assertError(await api('admin', 'POST', `/tasks/${task.id}/acknowledge`, { action: 'Also seen.' }), 409, 'already_acknowledged');
  assertError(await api('prescriber', 'POST', `/tasks/${task.id}/acknowledge`, { action: '' }), 400, 'validation_failed', 'action');
  assertError(await api('prescriber', 'POST', '/tasks/tsk_nope/acknowledge', { action }), 404, 'not_found');
  assert.deepEqual((await api('prescriber', 'GET', '/tasks')).json.tasks, [], 'no open task left');
  const closed = (await api('prescriber', 'GET', '/tasks?state=all')).json.tasks;
  assert.deepEqual(closed.map((t) => [t.id, t.action]), [[task.id, action]]);
  ids.jonas = { task: task.id, response: response.id, link: link.json.id };
});

test('bad answers and bad links are refused and leave nothing half-written', async () => {
  const rosa = patients.Rosa;
  const full = phq9(1, 1, 1, 1, 1, 1, 1, 1, 3); // question 9 positive: a task if it were ever stored
  const nothingWritten = async (what) => {
    const view = await measures(rosa);
    assert.deepEqual(view.responses, [], `${what}: no response`);
    assert.deepEqual(view.series, [], `${what}: no result`);
    assert.deepEqual((await allTasks()).filter((t) => t.patient.id === rosa), [], `${what}: no task`);
  };

  // Staff entry.
  const cases = [
    [{ instrument: 'phq9', answers: { ...full, phq9_3: 4 }, submit: true }, 'answers.phq9_3'],
    [{ instrument: 'phq9', answers: { ...full, phq9_3: -1 }, submit: false }, 'answers.phq9_3'],
    [{ instrument: 'phq9', answers: { ...full, phq9_10: 1 }, submit: true }, 'answers.phq9_10'],
    [{ instrument: 'mood_scale', answers: full, submit: true }, 'instrument'],
    [{ answers: full, submit: true }, 'instrument'],
  ];
  for (const [body, field] of cases) {
    const r = await api('nurse', 'POST', `/patients/${rosa}/responses`, body);
    assertError(r, 400, 'validation_failed', field);
    await nothingWritten(JSON.stringify(body));
  }
  const { phq9_4: _dropped, ...missing } = full;
  const incomplete = await api('nurse', 'POST', `/patients/${rosa}/responses`, { instrument: 'phq9', answers: missing, submit: true });
  assertError(incomplete, 400, 'validation_failed', 'answers.phq9_4');
  await nothingWritten('a submit without phq9_4');

  // Links: clinician-rated instruments cannot be sent; at most six, no repeats.
  for (const instruments of [['madrs'], ['phq9', 'cssrs'], [], ['phq9', 'phq9'], ['nope'],
    ['phq9', 'gad7', 'pcl5', 'pain_nrs', 'urinary', 'dissociation', 'phq9']]) {
    assertError(await api('nurse', 'POST', `/patients/${rosa}/questionnaire-links`, { instruments }),
      400, 'validation_failed', 'instruments');
  }
  assert.deepEqual((await measures(rosa)).links, [], 'no link was made');

  // The patient's answers are checked as strictly.
  const link = await api('nurse', 'POST', `/patients/${rosa}/questionnaire-links`, { instruments: ['phq9', 'gad7'] });
  assert.equal(link.status, 201, link.text);
  const q = `/clinics/${clinicId}/questionnaires/${link.json.token}`;
  assertError(await pub('POST', `${q}/answers`, { instrument: 'phq9', answers: { ...full, phq9_1: 7 }, submit: true }),
    400, 'validation_failed', 'answers.phq9_1');
  assertError(await pub('POST', `${q}/answers`, { instrument: 'phq9', answers: missing, submit: true }),
    400, 'validation_failed', 'answers.phq9_4');
  assertError(await pub('POST', `${q}/answers`, { instrument: 'pcl5', answers: {}, submit: false }),
    400, 'validation_failed', 'instrument');
  await nothingWritten('refused link answers');
  const stillOpen = await pub('GET', q);
  assert.equal(stillOpen.status, 200, stillOpen.text);
  assert.deepEqual(stillOpen.json.submitted, []);
  assert.deepEqual(stillOpen.json.answers, {});

  // Another clinic's path, or a made-up token: not found, the same answer for both.
  const otherClinic = 'cln_0000000000000000beef';
  assertError(await pub('GET', `/clinics/${otherClinic}/questionnaires/${link.json.token}`), 404, 'link_not_found');
  assertError(await pub('POST', `/clinics/${otherClinic}/questionnaires/${link.json.token}/answers`,
    { instrument: 'phq9', answers: full, submit: true }), 404, 'link_not_found');
  assertError(await pub('GET', `/clinics/${clinicId}/questionnaires/not-a-real-token`), 404, 'link_not_found');
  await nothingWritten('a foreign clinic path');

  // A link that outlives the clinic's lifetime expires.
  const shorter = await api('admin', 'POST', '/clinic/measurement-settings', { link_lifetime_hours: 2 });
  assert.equal(shorter.status, 200, shorter.text);
  const sentAt = serverNow();
  const short = await api('nurse', 'POST', `/patients/${rosa}/questionnaire-links`, { instruments: ['phq9'] });
  assert.equal(short.status, 201, short.text);
  assert.ok(Math.abs(Date.parse(short.json.expires_at) - sentAt - 2 * HOUR) < MINUTE, short.json.expires_at);
  const sq = `/clinics/${clinicId}/questionnaires/${short.json.token}`;
  assert.equal((await pub('GET', sq)).status, 200);
  await advance(2 * HOUR + MINUTE);
  assertError(await pub('GET', sq), 410, 'link_expired');
  assertError(await pub('POST', `${sq}/answers`, { instrument: 'phq9', answers: full, submit: true }), 410, 'link_expired');
  assert.equal((await pub('GET', q)).status, 200, 'a link keeps the lifetime it was made with');
  const links = (await measures(rosa)).links;
  assert.deepEqual(links.map((l) => [l.id, l.status]), [[short.json.id, 'expired'], [link.json.id, 'open']]);
  await nothingWritten('an expired link');
  assert.equal((await api('admin', 'POST', '/clinic/measurement-settings', { link_lifetime_hours: 72 })).status, 200);
});

test('a submitted response is amended, never changed; a draft is saved and resumed', async () => {
  const samuel = patients.Samuel;
  const first = await api('nurse', 'POST', `/patients/${samuel}/responses`,
    { instrument: 'phq9', answers: phq9(2, 2, 2, 2, 2, 2, 2, 2, 0), submit: true });
  assert.equal(first.status, 201, first.text);
  assert.equal(first.json.response.total, 16);
  const original = first.json.response;

  // Amending needs a reason, and is submitted at once.
  const corrected = phq9(2, 2, 1, 2, 2, 2, 2, 2, 0);
  assertError(await api('nurse', 'POST', `/patients/${samuel}/responses`,
    { instrument: 'phq9', answers: corrected, submit: true, amends: original.id }), 400, 'validation_failed', 'amendment_reason');
  assertError(await api('nurse', 'POST', `/patients/${samuel}/responses`,
    { instrument: 'phq9', answers: corrected, submit: true, amends: original.id, amendment_reason: '   ' }),
  400, 'validation_failed', 'amendment_reason');
  assert.equal((await measures(samuel)).responses.length, 1, 'a refused amendment writes nothing');

  const reason = 'Question 3 was entered as "More than half the days"; the patient said "Several days".';
  const amended = await api('prescriber', 'POST', `/patients/${samuel}/responses`,
    { instrument: 'phq9', answers: corrected, submit: true, amends: original.id, amendment_reason: reason });
  assert.equal(amended.status, 201, amended.text);
  const amendment = amended.json.response;
  assert.notEqual(amendment.id, original.id);
  assert.equal(amendment.amends, original.id);
  assert.equal(amendment.amendment_reason, reason);
  assert.equal(amendment.amended_by, null);
  assert.equal(amendment.status, 'submitted');
  assert.equal(amendment.total, 15);
  assert.equal(amendment.entered_by, DEMO_USERS.prescriber);

  let view = await measures(samuel);
  const stored = view.responses.find((r) => r.id === original.id);
  assert.equal(stored.amended_by, amendment.id);
  assert.equal(stored.total, 16, 'the original is kept as it was');
  assert.deepEqual(stored.answers, original.answers);
  const points = seriesOf(view, 'phq9').points;
  assert.deepEqual(points.map((p) => [p.response_id, p.total]), [[amendment.id, 15]], 'the amendment replaces the original');
  assert.equal(points[0].at, original.submitted_at, 'in the original\'s place in time');

  assertError(await api('nurse', 'POST', `/patients/${samuel}/responses`,
    { instrument: 'phq9', answers: corrected, submit: true, amends: original.id, amendment_reason: 'Again.' }),
  409, 'already_amended', 'amends');
  assert.equal((await measures(samuel)).responses.length, 2);

  // A draft: saved part-way, not scored, resumed and submitted.
  const draft = await api('therapist', 'POST', `/patients/${samuel}/responses`,
    { instrument: 'gad7', answers: gad7(1, 2, 1), submit: false });
  assert.equal(draft.status, 201, draft.text);
  assert.equal(draft.json.response.status, 'in_progress');
  assert.equal(draft.json.response.total, null);
  assert.equal(draft.json.response.band, null);
  assert.equal(draft.json.response.submitted_at, null);
  assert.deepEqual(draft.json.response.answers, { gad7_1: 1, gad7_2: 2, gad7_3: 1 });
  view = await measures(samuel);
  assert.equal(seriesOf(view, 'gad7'), undefined, 'a draft is no result');
  assert.equal(view.responses[0].id, draft.json.response.id);
  assertError(await api('nurse', 'POST', `/patients/${samuel}/responses`,
    { instrument: 'gad7', answers: gad7(1, 2, 1, 0, 0, 0, 0), submit: true, amends: draft.json.response.id, amendment_reason: 'x' }),
  409, 'not_submitted', 'amends');
  assertError(await api('nurse', 'POST', `/patients/${samuel}/responses`,
    { instrument: 'gad7', answers: { gad7_4: 1 }, submit: true, response_id: draft.json.response.id }),
  400, 'validation_failed', 'answers.gad7_5');
  const done = await api('nurse', 'POST', `/patients/${samuel}/responses`,
    { instrument: 'gad7', answers: { gad7_4: 1, gad7_5: 0, gad7_6: 1, gad7_7: 2 }, submit: true, response_id: draft.json.response.id });
  assert.equal(done.status, 201, done.text);
  assert.equal(done.json.response.id, draft.json.response.id, 'the same response, continued');
  assert.equal(done.json.response.status, 'submitted');
  assert.deepEqual(done.json.response.answers, gad7(1, 2, 1, 1, 0, 1, 2));
  assert.equal(done.json.response.total, 8);
  assert.equal(done.json.response.band, 'Mild');
  assertError(await api('nurse', 'POST', `/patients/${samuel}/responses`,
    { instrument: 'gad7', answers: { gad7_1: 0 }, submit: true, response_id: draft.json.response.id }),
  409, 'already_submitted');
  view = await measures(samuel);
  assert.deepEqual(seriesOf(view, 'gad7').points.map((p) => p.total), [8]);
  assert.equal(view.responses.length, 3);
  ids.samuel = { original: original.id, amendment: amendment.id };
});

test('a schedule says what is due, and what is overdue', async () => {
  const lena = patients.Lena;
  const start = dateOf(serverNow());
  const dayBefore = dateOf(serverNow() - DAY);
  const entries = [
    { instrument: 'phq9', rule: 'baseline', start },
    { instrument: 'gad7', rule: 'weekly', start, end: null },
  ];
  assertError(await api('front_desk', 'POST', `/patients/${lena}/schedule`, { entries }), 403, 'forbidden');
  const saved = await api('nurse', 'POST', `/patients/${lena}/schedule`, { entries });
  assert.equal(saved.status, 200, saved.text);
  assert.deepEqual(saved.json.schedule, [
    { instrument: 'phq9', rule: 'baseline', start, end: null, interval_days: 0 },
    { instrument: 'gad7', rule: 'weekly', start, end: null, interval_days: 0 },
  ]);
  assert.deepEqual(saved.json.due, [
    { instrument: 'gad7', rule: 'weekly', due_on: start, overdue: false, missed: 0 },
    { instrument: 'phq9', rule: 'baseline', due_on: start, overdue: false, missed: 0 },
  ]);
  const dueFor = async () => {
    const r = await api('nurse', 'GET', '/measures/due');
    assert.equal(r.status, 200, r.text);
    return r.json.items.filter((i) => i.patient.id === lena);
  };
  assert.deepEqual(await dueFor(), saved.json.due.map((d) => ({ ...d, patient: { id: lena, name: 'Hoffmann, Lena' } })));
  assertError(await api('front_desk', 'GET', '/measures/due'), 403, 'forbidden');

  // A bad end date is refused naming the entry; the schedule stays as it was.
  const bad = await api('nurse', 'POST', `/patients/${lena}/schedule`, { entries: [entries[0], { ...entries[1], end: dayBefore }] });
  assertError(bad, 400, 'validation_failed', 'entries[1].end');
  assertError(await api('nurse', 'POST', `/patients/${lena}/schedule`,
    { entries: [{ instrument: 'phq9', rule: 'fortnightly', start }] }), 400, 'validation_failed', 'entries[0].rule');
  assertError(await api('nurse', 'POST', `/patients/${lena}/schedule`,
    { entries: [{ instrument: 'phq9', rule: 'follow_up', start }] }), 400, 'validation_failed', 'entries[0].interval_days');
  assertError(await api('nurse', 'POST', `/patients/${lena}/schedule`,
    { entries: [{ instrument: 'phq9', rule: 'weekly', start: '21/11/2026' }] }), 400, 'validation_failed', 'entries[0].start');
  assert.equal((await measures(lena)).schedule.length, 2);

  // A day later both are overdue; a week on, the weekly one is due again and one was missed.
  await advance(DAY);
  assert.deepEqual((await dueFor()).map((d) => [d.instrument, d.due_on, d.overdue, d.missed]),
    [['gad7', start, true, 0], ['phq9', start, true, 0]]);
  await advance(6 * DAY);
  const today = dateOf(serverNow());
  assert.deepEqual((await dueFor()).map((d) => [d.instrument, d.due_on, d.overdue, d.missed]),
    [['phq9', start, true, 0], ['gad7', today, false, 1]], 'overdue first');

  // Answering the PHQ-9 does the baseline; the GAD-7 does this week's.
  for (const [instrument, answers] of [['phq9', phq9(1, 1, 1, 1, 1, 1, 1, 1, 0)], ['gad7', gad7(1, 1, 1, 1, 1, 1, 1)]]) {
    const r = await api('nurse', 'POST', `/patients/${lena}/responses`, { instrument, answers, submit: true });
    assert.equal(r.status, 201, r.text);
  }
  assert.deepEqual(await dueFor(), []);
  assert.deepEqual((await measures(lena)).due, []);
});

test('every step is in the audit trail', async () => {
  const events = await auditEvents(server.url, tokens.admin);
  const find = (action, entityId) => events.filter((e) => e.action === action && e.entity_id === entityId);

  for (const id of ids.maya.responses) {
    const [e] = find('questionnaire.response.submit', id);
    assert.ok(e, `submit of ${id}`);
    assert.equal(e.user_email, DEMO_USERS.nurse);
    assert.equal(e.entity_type, 'questionnaire_response');
  }
  const [linkSubmit] = find('questionnaire.response.submit', ids.jonas.response);
  assert.equal(linkSubmit.role, 'public', 'the patient answered the link');
  assert.equal(linkSubmit.user_id, '');

  const [created] = find('task.create', ids.jonas.task);
  assert.ok(created, 'task.create');
  assert.equal(created.entity_type, 'task');
  assert.equal(created.role, 'public');
  const [escalated] = find('task.escalate', ids.jonas.task);
  assert.ok(escalated, 'task.escalate');
  assert.equal(escalated.role, 'system');
  assert.equal(escalated.client_address, 'escalation');
  const acknowledgements = find('task.acknowledge', ids.jonas.task);
  assert.deepEqual(acknowledgements.map((e) => [e.user_email, e.outcome]),
    [[DEMO_USERS.prescriber, 'success'], [DEMO_USERS.nurse, 'denied']],
    'one acknowledgement, and the nurse\'s refusal; the conflicts wrote nothing');

  const [amendedEvent] = find('questionnaire.response.amended', ids.samuel.original);
  assert.ok(amendedEvent, 'questionnaire.response.amended names the original');
  assert.equal(amendedEvent.user_email, DEMO_USERS.prescriber);
  assert.ok(find('questionnaire.response.submit', ids.samuel.amendment).length === 1, 'the amendment is a submit of its own');

  for (const action of ['questionnaire.link.create', 'questionnaire.link.open', 'questionnaire.link.used',
    'questionnaire.response.save', 'settings.measures.update', 'patient.responsible_clinician.update',
    'measure.schedule.update', 'patient.measures.read', 'measures.due.read', 'tasks.read'])
    assert.ok(events.some((e) => e.action === action), `audit has ${action}`);
  assert.ok(events.some((e) => e.action === 'patient.measures.read' && e.outcome === 'denied'
    && e.user_email === DEMO_USERS.front_desk), 'the front desk\'s refused read');
});

// --- Amendments and the schedule; links finished by staff -------------------------

const newPatient = async (given) => {
  const r = await api('nurse', 'POST', '/patients', { given_name: given, family_name: 'Measures', date_of_birth: '1980-06-01' });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
};

// An amendment corrects last week's PHQ-9; it does not do this week's overdue one.
test('an amendment does not do a later occurrence of the schedule', async () => {
  const patient = await newPatient('Amy');
  const start = dateOf(serverNow());
  const saved = await api('nurse', 'POST', `/patients/${patient}/schedule`,
    { entries: [{ instrument: 'phq9', rule: 'weekly', start }] });
  assert.equal(saved.status, 200, saved.text);
  const first = await api('nurse', 'POST', `/patients/${patient}/responses`,
    { instrument: 'phq9', answers: phq9(1, 1, 1, 1, 1, 1, 1, 1, 0), submit: true });
  assert.equal(first.status, 201, first.text);
  await advance(8 * DAY);
  const week2 = dateOf(Date.parse(`${start}T00:00:00Z`) + 7 * DAY);
  const expected = [{ instrument: 'phq9', rule: 'weekly', due_on: week2, overdue: true, missed: 0 }];
  assert.deepEqual((await measures(patient)).due, expected, 'before the amendment');
  const amended = await api('nurse', 'POST', `/patients/${patient}/responses`, {
    instrument: 'phq9', answers: phq9(1, 1, 1, 1, 1, 1, 1, 2, 0), submit: true,
    amends: first.json.response.id, amendment_reason: 'Question 8 was entered wrongly.',
  });
  assert.equal(amended.status, 201, amended.text);
  assert.deepEqual((await measures(patient)).due, expected, 'GET /patients/{id}/measures after the amendment');
  const due = (await api('nurse', 'GET', '/measures/due')).json.items.filter((i) => i.patient.id === patient);
  assert.deepEqual(due.map(({ patient: _p, ...d }) => d), expected, 'GET /measures/due after the amendment');
});

// Staff may finish a patient's link draft (POST /patients/{id}/responses with its
// response_id); the link is then used up just as if the patient had submitted it.
test('a link whose questionnaires are all submitted is used up, whoever submitted them', async () => {
  const patient = await newPatient('Ben');
  const link = await api('nurse', 'POST', `/patients/${patient}/questionnaire-links`, { instruments: ['phq9'] });
  assert.equal(link.status, 201, link.text);
  const q = `/clinics/${clinicId}/questionnaires/${link.json.token}`;
  const saved = await pub('POST', `${q}/answers`, { instrument: 'phq9', answers: { phq9_1: 1 }, submit: false });
  assert.equal(saved.status, 200, saved.text);
  const draft = (await measures(patient)).responses[0];
  assert.equal(draft.source, 'link');
  const done = await api('nurse', 'POST', `/patients/${patient}/responses`,
    { instrument: 'phq9', answers: phq9(1, 0, 0, 0, 0, 0, 0, 0, 0), submit: true, response_id: draft.id });
  assert.equal(done.status, 201, done.text);
  assertError(await pub('GET', q), 410, 'link_used');
  assert.equal((await measures(patient)).links[0].status, 'used');
});
