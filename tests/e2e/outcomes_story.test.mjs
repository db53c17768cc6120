// The clinic dashboard over a generated cohort, through the real binary on its test
// clock: ten patients (depression or PTSD, one born in 1921) are registered, screened,
// consented and planned; each has a PHQ-9 baseline and three IV sessions in a week,
// run on the session console (some with a severe blood-pressure reading, some side
// effects, some discharged on a prescriber's override, each after a generated wait);
// PHQ-9 checks follow a week and two weeks later. The dashboard's figures must equal
// those this file computes itself from what it generated (sessions per week,
// responders and remitters after induction with their Wilson intervals, median days
// to response, adverse events per 100 sessions, the severe-hypertension rate, minutes
// to discharge, alarms per session), with filters; bad filters are refused by name;
// the research export holds every event and no name, e-mail or identifier.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, stopServers } from './helpers.mjs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PATIENTS = 10;
let server;
let clockDir;
let clockFile;
let offsetMs = 0;
const tokens = {};
const staff = {};

// A seeded generator (mulberry32), so every run builds the same cohort.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261121);
const pick = (list) => list[Math.floor(random() * list.length)];

async function signIn() {
  for (const role of ['admin', 'prescriber', 'nurse', 'front_desk']) tokens[role] = await bearerLogin(server.url, DEMO_USERS[role]);
}
async function advance(ms) {
  offsetMs += ms;
  writeFileSync(clockFile, String(Math.round(offsetMs)));
  if (ms >= 14 * MINUTE) await signIn();  // sign-ins lapse after 15 idle minutes
}
const serverNow = () => Date.now() + offsetMs;
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);
const api = (role, method, path, body) => call(server.url, method, `/api/v1${path}`, { token: tokens[role], body });
async function ok(promise, status = [200, 201]) {
  const r = await promise;
  assert.ok([].concat(status).includes(r.status), `${r.status}: ${r.text}`);
  return r.json;
}

/** PHQ-9 answers summing to `total` (item 9 left at 0: no risk task). */
function phq9(total) {
  const answers = {};
  for (let i = 1; i <= 9; i += 1) {
    const v = i === 9 ? 0 : Math.min(3, Math.max(0, total));
    answers[`phq9_${i}`] = v;
    total -= v;
  }
  return answers;
}

// What the test generates, kept to compute the expected figures.
const cohort = [];  // { id, name, indication, born, rooms, scores: [{at, total}], sessions: [...] }
let rangeFrom;
let rangeTo;

before(async () => {
  clockDir = mkdtempSync(join(tmpdir(), 'ketaclinic-clock-'));
  clockFile = join(clockDir, 'offset');
  // Start on the next Monday at 04:00 UTC, at least a day away.
  const start = new Date(Date.now() + DAY);
  start.setUTCHours(4, 0, 0, 0);
  while (start.getUTCDay() !== 1) start.setUTCDate(start.getUTCDate() + 1);
  offsetMs = start.getTime() - Date.now();
  writeFileSync(clockFile, String(offsetMs));
  server = await startServer({ env: { KETACLINIC_TEST_CLOCK_FILE: clockFile } });
  await signIn();
  for (const u of (await api('admin', 'GET', '/users?limit=200')).json.items) staff[u.email.split('@')[0]] = u.id;
  rangeFrom = dayOf(serverNow());
  rangeTo = dayOf(serverNow() + 20 * DAY);
  const doc = (await api('nurse', 'GET', '/consent-documents')).json.items.find((d) => d.kind === 'iv' && d.status === 'published');

  for (let i = 0; i < PATIENTS; i += 1) {
    const indication = i % 10 < 7 ? 'depression' : 'ptsd';
    const code = indication === 'depression' ? 'F33.2' : 'F43.10';
    const given = `Cohort${String.fromCharCode(65 + i)}`;
    const family = `Subject${i}`;
    const born = i === 0 ? '1921-03-04' : `19${60 + i}-0${1 + (i % 9)}-1${i % 10}`;
    const p = await ok(api('nurse', 'POST', '/patients', { given_name: given, family_name: family, date_of_birth: born }));
    await ok(api('prescriber', 'POST', `/patients/${p.id}/diagnoses`, { code }));
    await ok(api('nurse', 'POST', `/patients/${p.id}/measurements`, { weight_kg: 70, measured_on: dayOf(serverNow()) }));
    await ok(api('prescriber', 'POST', `/patients/${p.id}/eligibility-decisions`,
      { decision: 'eligible', reason: 'Two adequate trials without response' }));
    const shown = await ok(api('nurse', 'GET', `/patients/${p.id}/consent-documents/${doc.id}`));
    const signed = await ok(api('nurse', 'POST', `/patients/${p.id}/consents`,
      { document_id: doc.id, typed_name: `${given} ${family}`, acknowledged_sections: shown.sections }));
    await ok(api('prescriber', 'POST', `/consents/${signed.id}/countersign`));
    await ok(api('prescriber', 'POST', `/patients/${p.id}/plans`, {
      indications: [code], goals: [{ text: 'Response', instrument: 'phq9', target_score: 9 }], route: 'iv',
      dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40 }, induction: { sessions: 6, max_per_week: 3, weeks: 2 },
      maintenance: { interval_days: 0 }, titration: { step: 0.1, ceiling: 0.75 },
    }));
    const room = await ok(api('admin', 'POST', '/rooms', { name: `Cohort room ${i + 1}` }));
    // The baseline and the two later checks: some respond (at most half the baseline),
    // some remit (4 or less), some neither.
    const baseline = 15 + Math.floor(random() * 10);
    const later = [pick([baseline - 2, Math.floor(baseline / 2), 8, 12]), pick([3, 4, Math.floor(baseline / 2), baseline - 1, 11])];
    cohort.push({ id: p.id, name: `${given} ${family}`, indication, born, room: room.id, baseline, later, scores: [], sessions: [] });
  }
  // The baselines, before anyone's first dose.
  for (const c of cohort) {
    const r = await ok(api('nurse', 'POST', `/patients/${c.id}/responses`, { instrument: 'phq9', answers: phq9(c.baseline), submit: true }));
    c.scores.push({ at: Date.parse(r.response.submitted_at), total: c.baseline });
  }
  await advance(HOUR);
});
after(async () => {
  await stopServers(server);
  if (clockDir) rmSync(clockDir, { recursive: true, force: true });
});

/** One IV session on the console, from the dose order to discharge; returns what happened. */
async function runSession(c) {
  const order = await ok(api('prescriber', 'POST', `/patients/${c.id}/dose-orders`, {
    route: 'iv', dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40 }, concentration_mg_per_ml: 1, planned_for: dayOf(serverNow()),
  }));
  await ok(api('nurse', 'POST', `/dose-orders/${order.id}/double-check`, { weight_kg: 70, concentration_mg_per_ml: 1 }));
  const booked = await ok(api('front_desk', 'POST', '/appointments', {
    type: 'dosing_session', route: 'iv', patient_id: c.id, room_id: c.room, staff_ids: [staff.nurse],
    start: new Date(serverNow() + 5 * MINUTE).toISOString(), duration_minutes: 90,
  }));
  const startAt = serverNow();
  await advance(5 * MINUTE);
  const session = await ok(api('nurse', 'POST', '/sessions', { appointment_id: booked.appointment.id }));
  const id = session.id;
  const vitals = (reading) => ok(api('nurse', 'POST', `/sessions/${id}/vitals`, { readings: [reading] }), 201);
  const move = (transition, extra = {}) => ok(api('nurse', 'POST', `/sessions/${id}/transitions`, { transition, ...extra }));
  await ok(api('nurse', 'POST', `/sessions/${id}/check-in`,
    { escort_confirmed: true, pregnancy_status_current: true, questionnaire_skip_reason: 'Done at the baseline' }));
  await vitals({ systolic_mmhg: 128, diastolic_mmhg: 80, heart_rate_bpm: 76, spo2_pct: 98 });
  await move('mark_ready');
  await ok(api('nurse', 'POST', `/sessions/${id}/drug-lot`, { lot: 'K1', expiry_date: '2099-12-31' }));
  await move('start_dosing');
  const s = { id, doseStart: serverNow(), severe: false, effects: [], alarmsRaised: 0, override: false };
  if (random() < 0.25) {  // a severe reading, then back to normal: one bp_severe alarm
    s.severe = true;
    const r = await vitals({ systolic_mmhg: 206, diastolic_mmhg: 124, heart_rate_bpm: 92, spo2_pct: 98 });
    s.alarmsRaised += r.alarm_events.filter((e) => e.event === 'raised').length;
    const back = await vitals({ systolic_mmhg: 132, diastolic_mmhg: 82, heart_rate_bpm: 80, spo2_pct: 98 });
    s.alarmsRaised += back.alarm_events.filter((e) => e.event === 'raised').length;
    for (const e of [...r.alarm_events, ...back.alarm_events].filter((x) => x.event === 'raised')) {
      await ok(api('nurse', 'POST', `/sessions/${id}/alarms/${e.id}/acknowledge`));
    }
  }
  await advance(40 * MINUTE);
  await move('stop_dosing');
  s.doseEnd = serverNow();
  for (const kind of ['nausea', 'dissociation', 'headache']) {
    if (random() < 0.3) {
      await ok(api('nurse', 'POST', `/sessions/${id}/effects`, { kind, severity: 'mild', outcome: 'resolved' }));
      s.effects.push(kind);
    }
  }
  await advance(pick([10, 15, 20, 30, 45]) * MINUTE);
  await vitals({ systolic_mmhg: 126, diastolic_mmhg: 80, heart_rate_bpm: 72, spo2_pct: 98 });
  await ok(api('nurse', 'POST', `/sessions/${id}/aldrete`, { activity: 2, respiration: 2, consciousness: 2 }));
  if (random() < 0.15) {
    s.override = true;
    await ok(api('prescriber', 'POST', `/sessions/${id}/discharge-override`, { reason: 'Escort waiting outside; nurse walked the patient out' }));
  } else {
    await ok(api('nurse', 'POST', `/sessions/${id}/discharge-checks`, { escort_present: true, instructions_given: true }));
  }
  await move('ready_for_discharge');
  const done = await move('discharge');
  // The times as the server recorded them (the calls between take real time too).
  s.doseStart = Date.parse(done.timers.dose_started_at);
  s.doseEnd = Date.parse(done.timers.dose_ended_at);
  s.discharged = Date.parse(done.discharge.discharged_at);
  s.waitMinutes = (s.discharged - s.doseEnd) / MINUTE;
  // On to the end of the booking, so the next one starts clear of it.
  const left = startAt + 100 * MINUTE - serverNow();
  if (left > 0) await advance(left);
  return s;
}

test('a week of induction sessions and two weeks of checks are recorded', async () => {
  for (let round = 0; round < 3; round += 1) {
    const roundStart = serverNow();
    for (const c of cohort) c.sessions.push(await runSession(c));
    await advance(roundStart + 2 * DAY - serverNow());  // Monday, Wednesday, Friday
  }
  // The checks: a week and two weeks after the first Monday, at 05:00.
  for (const weeks of [1, 2]) {
    const target = Date.parse(`${rangeFrom}T05:00:00Z`) + weeks * 7 * DAY;
    await advance(target - serverNow());
    for (const c of cohort) {
      const total = c.later[weeks - 1];
      const r = await ok(api('nurse', 'POST', `/patients/${c.id}/responses`, { instrument: 'phq9', answers: phq9(total), submit: true }));
      c.scores.push({ at: Date.parse(r.response.submitted_at), total });
    }
  }
  assert.equal(cohort.reduce((n, c) => n + c.sessions.length, 0), 3 * PATIENTS);
});

// --- The expected figures, computed here from what was generated -------------------

function wilson(count, total) {
  if (total === 0) return { count, total, rate: 0, lower: 0, upper: 0 };
  const z = 1.959963984540054;
  const p = count / total;
  const centre = (p + (z * z) / (2 * total)) / (1 + (z * z) / total);
  const half = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / (1 + (z * z) / total);
  const r3 = (x) => Math.round(x * 1000) / 1000;
  return { count, total, rate: r3(p), lower: r3(Math.max(0, centre - half)), upper: r3(Math.min(1, centre + half)) };
}
const medianOf = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round1 = (x) => (x === null ? null : Math.round(x * 10) / 10);

function expected(filter = {}) {
  const patients = cohort.filter((c) => !filter.indication || c.indication === filter.indication);
  const sessions = patients.flatMap((c) => c.sessions);
  const weeks = new Map();
  for (const s of sessions) {
    const d = new Date(s.doseStart);
    const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
    const key = monday.toISOString().slice(0, 10);
    weeks.set(key, (weeks.get(key) || 0) + 1);
  }
  const effects = {};
  for (const s of sessions) for (const k of s.effects) effects[k] = (effects[k] || 0) + 1;
  const waits = sessions.map((s) => s.waitMinutes);
  const sorted = [...waits].sort((a, b) => a - b);
  // Outcomes: the baseline is the last score at or before the first dose; "after
  // induction" the last score within 28 days of it; response = at most half-way from
  // the baseline to 0; remission = 4 or less.
  let responders = 0;
  let remitters = 0;
  const days = [];
  for (const c of patients) {
    const first = Math.min(...c.sessions.map((s) => s.doseStart));
    const base = c.scores.filter((p) => p.at <= first).at(-1);
    const after = c.scores.filter((p) => p.at > first && p.at <= first + 28 * DAY).at(-1);
    const responds = (t) => 2 * (t - base.total) <= -base.total;
    if (responds(after.total)) responders += 1;
    if (after.total <= 4) remitters += 1;
    const firstResponse = c.scores.find((p) => p.at > first && responds(p.total));
    if (firstResponse) days.push(Math.floor((firstResponse.at - first) / DAY));
  }
  return {
    sessions: sessions.length,
    active: patients.length,
    weeks,
    effects,
    effectsTotal: Object.values(effects).reduce((a, b) => a + b, 0),
    severe: sessions.filter((s) => s.severe).length,
    alarms: sessions.reduce((n, s) => n + s.alarmsRaised, 0),
    overrides: sessions.filter((s) => s.override).length,
    medianWait: medianOf(waits),
    p90Wait: sorted[Math.ceil(0.9 * sorted.length) - 1],
    responders: wilson(responders, patients.length),
    remitters: wilson(remitters, patients.length),
    medianDays: medianOf(days),
  };
}

async function dashboard(query) {
  return ok(api('admin', 'GET', `/dashboards/outcomes?from=${rangeFrom}&to=${rangeTo}${query || ''}`));
}

function assertFigures(d, e) {
  assert.equal(d.sessions, e.sessions);
  assert.equal(d.active_patients, e.active);
  for (const w of d.sessions_per_week) assert.equal(w.count, e.weeks.get(w.week) || 0, `week of ${w.week}`);
  assert.equal(d.sessions_per_week.reduce((n, w) => n + w.count, 0), e.sessions);
  assert.equal(d.adverse_events.total, e.effectsTotal);
  for (const k of d.adverse_events.by_kind) {
    assert.equal(k.count, e.effects[k.kind], k.kind);
    assert.equal(k.per_100_sessions, Math.round((k.count * 1000) / e.sessions) / 10);
  }
  assert.equal(d.adverse_events.per_100_sessions, Math.round((e.effectsTotal * 1000) / e.sessions) / 10);
  assert.equal(d.severe_hypertension.sessions, e.severe);
  assert.deepEqual(d.severe_hypertension.rate, wilson(e.severe, e.sessions));
  assert.equal(d.alarms.total, e.alarms);
  assert.equal(d.alarms.per_session, Math.round((e.alarms * 100) / e.sessions) / 100);
  assert.equal(d.discharge.discharged, e.sessions);
  assert.equal(d.discharge.overrides, e.overrides);
  // Minutes from the dose's end to discharge (the IV minimum observation is 0), to 0.1.
  assert.equal(d.discharge.median_minutes_after_minimum, round1(e.medianWait));
  assert.equal(d.discharge.p90_minutes_after_minimum, round1(e.p90Wait));
  const all = d.outcomes.groups.find((g) => g.by === 'all');
  assert.equal(all.started, e.active);
  assert.equal(all.assessed, e.active);
  assert.deepEqual(all.responders, e.responders);
  assert.deepEqual(all.remitters, e.remitters);
  assert.equal(all.median_days_to_response, round1(e.medianDays));
}

test('the dashboard equals the figures computed from the generated cohort', async () => {
  const d = await dashboard('');
  assert.deepEqual(d.filters, { from: rangeFrom, to: rangeTo, route: null, indication: null, instrument: 'phq9' });
  const e = expected();
  assert.ok(e.severe > 0 && e.effectsTotal > 0 && e.overrides > 0, 'the generated cohort exercises every figure');
  assert.ok(e.responders.count > 0 && e.responders.count < PATIENTS, 'some respond, some do not');
  assertFigures(d, e);
  const iv = d.outcomes.groups.find((g) => g.by === 'route' && g.key === 'iv');
  assert.deepEqual(iv.responders, e.responders, 'every patient is on IV');
  const ptsd = d.outcomes.groups.find((g) => g.by === 'indication' && g.key === 'ptsd');
  assert.deepEqual(ptsd.responders, expected({ indication: 'ptsd' }).responders);
  assert.equal(ptsd.label, 'PTSD');
});

test('filters narrow every figure; an empty route has none', async () => {
  assertFigures(await dashboard('&indication=ptsd'), expected({ indication: 'ptsd' }));
  assertFigures(await dashboard('&indication=depression&route=iv'), expected({ indication: 'depression' }));
  const im = await dashboard('&route=im');
  assert.equal(im.sessions, 0);
  assert.equal(im.active_patients, 0);
  assert.equal(im.outcomes.groups[0].started, 0);
  assert.equal(im.severe_hypertension.rate.total, 0);
  // A range after the sessions: the later checks alone make no active patient.
  const later = await ok(api('admin', 'GET', `/dashboards/outcomes?from=${dayOf(serverNow())}&to=${dayOf(serverNow())}`));
  assert.equal(later.sessions, 0);
});

test('bad filters are refused by name; the dashboard is for the director and prescribers', async () => {
  const bad = async (query, field, code) => {
    const r = await api('admin', 'GET', `/dashboards/outcomes?${query}`);
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.error.field, field, r.text);
    if (code) assert.equal(r.json.error.code, code);
  };
  await bad(`from=${rangeTo}&to=${rangeFrom}`, 'to', 'inverted_range');
  await bad('route=rectal', 'route', 'unknown_route');
  await bad('indication=insomnia', 'indication', 'unknown_indication');
  await bad('colour=red', 'colour', 'unknown_filter');
  await bad('from=21-11-2026', 'from');
  assert.equal((await api('nurse', 'GET', '/dashboards/outcomes')).status, 403);
  assert.equal((await api('prescriber', 'GET', `/dashboards/outcomes?from=${rangeFrom}&to=${rangeTo}`)).status, 200);
});

test('the research export holds every event, de-identified, and is audited', async () => {
  assert.equal((await api('prescriber', 'POST', '/exports/research', {})).status, 403);
  const started = await ok(api('admin', 'POST', '/exports/research', { from: rangeFrom, to: rangeTo }), 202);
  let status = started;
  for (let i = 0; i < 600 && status.state === 'running'; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    status = await ok(api('admin', 'GET', `/exports/research/${started.id}`));
  }
  assert.equal(status.state, 'done', JSON.stringify(status));
  assert.equal(status.total, PATIENTS);
  assert.equal(status.done, PATIENTS);
  const r = await api('admin', 'GET', `/exports/research/${started.id}/data.csv`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  assert.match(r.headers.get('content-disposition'), /attachment; filename="ketaclinic-research-/);
  const lines = r.text.trim().split('\r\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
  const e = expected();
  assert.equal(rows.filter((x) => x.event === 'session').length, e.sessions);
  assert.equal(rows.filter((x) => x.event === 'response').length, 3 * PATIENTS);
  assert.equal(rows.filter((x) => x.event === 'effect').length, e.effectsTotal);
  assert.equal(rows.length, status.rows);
  assert.equal(new Set(rows.map((x) => x.subject)).size, PATIENTS);
  // 0.5 mg/kg at 70 kg over the 40 minutes the pump ran (to the second the nurse stopped it).
  for (const x of rows.filter((x) => x.event === 'session')) assert.ok(Math.abs(Number(x.given_mg) - 35) < 0.1, x.given_mg);
  assert.ok(rows.some((x) => x.age_at_first_session === '90'), 'the patient born in 1921 is given as 90');
  assert.ok(rows.every((x) => Number(x.age_at_first_session) <= 90));
  // Dates move, intervals stay: each subject's first session is day 0.
  for (const subject of new Set(rows.map((x) => x.subject))) {
    const mine = rows.filter((x) => x.subject === subject);
    assert.equal(Math.min(...mine.filter((x) => x.event === 'session').map((x) => Number(x.day))), 0);
    assert.ok(mine.every((x) => x.date_shifted < dayOf(serverNow())));
  }
  for (const c of cohort) {
    assert.ok(!r.text.includes(c.name.split(' ')[0]) && !r.text.includes(c.name.split(' ')[1]), 'no name');
    assert.ok(!r.text.includes(c.id), 'no record id');
    assert.ok(!r.text.includes(c.born), 'no date of birth');
  }
  assert.ok(!r.text.includes('@'), 'no e-mail');
  const dictionary = await api('admin', 'GET', '/exports/research/dictionary.csv');
  assert.equal(dictionary.status, 200);
  for (const column of header) assert.match(dictionary.text, new RegExp(`^${column},`, 'm'));
  const audit = (await api('admin', 'GET', '/audit?action=research_export.download')).json.items;
  assert.ok(audit.some((a) => a.entity_id === started.id), 'the download is audited');
});
