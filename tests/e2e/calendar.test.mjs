// The calendar, told through the real binary: the admin adds a room; the front desk
// books dosing sessions and is refused double bookings of a room, of a staff member
// and of a patient, with the clash named; back-to-back is fine; an esketamine session
// shorter than the label's two hours is refused naming the duration; a series is
// booked all or nothing; a cancellation frees the slot (the same time books again)
// and offers the place to the next person on the program's waiting list; reminders
// in the outbox carry the preparation (fasting for esketamine, escort, no driving);
// two concurrent bookings of one slot give one 201 and one 409; another clinic's
// appointment is a 404; an inverted range is a 400 naming `to`.
//
// Appointments are placed 40 days ahead, so the demo's appointments never clash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCli, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, auditEvents, stopServers, runSql } from './helpers.mjs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let server;
let other; // the admin of another clinic
const OTHER_PASSWORD = 'other-clinic-password-1';
const tokens = {};
const patients = {};
const staff = {};
let room1;
let room2;
let day; // 09:00 UTC, 40 days ahead

const api = (role, method, path, body) => call(server.url, method, `/api/v1${path}`, { token: tokens[role], body });
const at = (ms) => new Date(ms).toISOString();

before(async () => {
  const boot = await startServer();
  await boot.stop();
  const added = runCli(['user', 'add', '--database', boot.database, '--clinic', 'Other Clinic',
    '--email', 'boss@other.test', '--name', 'Other Admin', '--role', 'admin'], { input: `${OTHER_PASSWORD}\n` });
  assert.equal(added.code, 0, `user add failed: ${added.stderr}`);
  server = await startServer({ database: boot.database, dir: boot.dir });
  other = await bearerLogin(server.url, 'boss@other.test', OTHER_PASSWORD);
  for (const [role, email] of Object.entries(DEMO_USERS)) tokens[role] = await bearerLogin(server.url, email);
  for (const p of (await api('front_desk', 'GET', '/patients?limit=200')).json.items) patients[p.given_name] = p.id;
  for (const u of (await api('admin', 'GET', '/users?limit=200')).json.items) staff[u.email.split('@')[0]] = u.id;
  const d = new Date(Date.now() + 40 * DAY);
  d.setUTCHours(9, 0, 0, 0);
  day = d.getTime();
});
after(async () => { await stopServers(server); });

const dosing = (over = {}) => ({
  type: 'dosing_session', route: 'iv', patient_id: patients.Maya, room_id: room1,
  staff_ids: [staff.nurse], start: at(day), duration_minutes: 90, ...over,
});

test('the admin adds rooms; the front desk may not', async () => {
  const denied = await api('front_desk', 'POST', '/rooms', { name: 'Room X', kind: 'room' });
  assert.equal(denied.status, 403);
  const bad = await api('admin', 'POST', '/rooms', { name: 'Room 9', kind: 'sofa' });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.field, 'kind');
  const r1 = await api('admin', 'POST', '/rooms', { name: 'Infusion 1', kind: 'room' });
  assert.equal(r1.status, 201, r1.text);
  const r2 = await api('admin', 'POST', '/rooms', { name: 'Chair B', kind: 'chair' });
  assert.equal(r2.status, 201);
  room1 = r1.json.id;
  room2 = r2.json.id;
  const dup = await api('admin', 'POST', '/rooms', { name: 'Infusion 1', kind: 'chair' });
  assert.equal(dup.status, 409);
  assert.equal(dup.json.error.field, 'name');
  const people = await api('front_desk', 'GET', '/calendar/staff');
  assert.equal(people.status, 200);
  assert.ok(people.json.items.some((u) => u.id === staff.nurse && u.roles.includes('nurse')));
  assert.ok(people.json.items.every((u) => !('password_hash' in u)));
  const list = await api('therapist', 'GET', '/rooms');
  assert.equal(list.status, 200);
  assert.ok(list.json.items.some((r) => r.id === room2 && r.kind === 'chair'));
});

test('a booking; the same room, the same staff member, the same patient overlapping are refused', async () => {
  const ok = await api('front_desk', 'POST', '/appointments', dosing());
  assert.equal(ok.status, 201, ok.text);
  const a = ok.json.appointment;
  assert.equal(a.status, 'booked');
  assert.equal(a.end, at(day + 90 * MINUTE));
  assert.equal(a.room.name, 'Infusion 1');
  assert.equal(a.staff[0].id, staff.nurse);

  const sameRoom = await api('front_desk', 'POST', '/appointments',
    dosing({ patient_id: patients.Jonas, staff_ids: [staff.prescriber], start: at(day + 30 * MINUTE) }));
  assert.equal(sameRoom.status, 409, sameRoom.text);
  assert.equal(sameRoom.json.error.code, 'double_booking');
  assert.equal(sameRoom.json.error.field, 'room_id');
  assert.equal(sameRoom.json.error.clash.appointment_id, a.id);
  assert.equal(sameRoom.json.error.clash.start, a.start);
  assert.equal(sameRoom.json.error.clash.end, a.end);
  assert.match(sameRoom.json.error.message, /Infusion 1/);

  const sameStaff = await api('front_desk', 'POST', '/appointments',
    dosing({ patient_id: patients.Jonas, room_id: room2, start: at(day + 60 * MINUTE) }));
  assert.equal(sameStaff.status, 409);
  assert.equal(sameStaff.json.error.field, 'staff_ids');
  assert.equal(sameStaff.json.error.clash.value, staff.nurse);

  const samePatient = await api('front_desk', 'POST', '/appointments',
    { type: 'follow_up', patient_id: patients.Maya, room_id: room2, staff_ids: [staff.therapist], start: at(day + 15 * MINUTE) });
  assert.equal(samePatient.status, 409);
  assert.equal(samePatient.json.error.field, 'patient_id');

  // back to back in the same room with the same nurse is fine
  const next = await api('front_desk', 'POST', '/appointments',
    dosing({ patient_id: patients.Jonas, start: at(day + 90 * MINUTE) }));
  assert.equal(next.status, 201, next.text);
});

test('an esketamine session shorter than 2 hours is refused naming the duration; bad fields are named', async () => {
  const short = await api('front_desk', 'POST', '/appointments',
    dosing({ route: 'intranasal_esketamine', room_id: room2, patient_id: patients.Rosa, staff_ids: [staff.prescriber],
      start: at(day + 5 * HOUR), duration_minutes: 90 }));
  assert.equal(short.status, 400);
  assert.equal(short.json.error.field, 'duration_minutes');
  assert.equal(short.json.error.code, 'session_too_short');
  assert.match(short.json.error.message, /120/);
  const byEnd = await api('front_desk', 'POST', '/appointments',
    dosing({ route: 'intranasal_esketamine', room_id: room2, patient_id: patients.Rosa, staff_ids: [staff.prescriber],
      start: at(day + 5 * HOUR), duration_minutes: undefined, end: at(day + 6 * HOUR) }));
  assert.equal(byEnd.status, 400);
  assert.equal(byEnd.json.error.field, 'end');
  for (const [over, field] of [
    [{ type: 'massage' }, 'type'], [{ route: null }, 'route'], [{ room_id: null }, 'room_id'],
    [{ staff_ids: [] }, 'staff_ids'], [{ start: 'tomorrow' }, 'start'], [{ duration_minutes: 'long' }, 'duration_minutes'],
    [{ staff_ids: ['usr_nobody'] }, 'staff_ids'], [{ room_id: 'room_nowhere' }, 'room_id'],
  ]) {
    const r = await api('front_desk', 'POST', '/appointments', dosing({ start: at(day + 10 * HOUR), ...over }));
    assert.ok(r.status === 400 || r.status === 404, `${field}: ${r.text}`);
    assert.equal(r.json.error.field, field, r.text);
  }
  const therapist = await api('therapist', 'POST', '/appointments', dosing({ start: at(day + 10 * HOUR) }));
  assert.equal(therapist.status, 403);
});

test('a reminder in the outbox carries the esketamine preparation', async () => {
  const r = await api('front_desk', 'POST', '/appointments',
    dosing({ route: 'intranasal_esketamine', room_id: room2, patient_id: patients.Rosa, staff_ids: [staff.prescriber],
      start: at(day + 5 * HOUR), duration_minutes: 120 }));
  assert.equal(r.status, 201, r.text);
  assert.match(r.json.reminder.body, /Do not eat anything for 2 hours/);
  assert.match(r.json.reminder.body, /30 minutes/);
  assert.match(r.json.reminder.body, /adult/);
  assert.match(r.json.reminder.body, /Do not drive/);
  assert.equal(r.json.appointment.reminder_due_at, at(day + 5 * HOUR - 24 * HOUR));
  const stored = runSql(server.database,
    `SELECT body FROM outbox WHERE entity_type = 'appointment' AND entity_id = '${r.json.appointment.id}'`);
  assert.equal(stored.code, 0, stored.stderr);
  assert.match(stored.stdout, /Do not eat anything for 2 hours/);
  assert.match(stored.stdout, /Send on or after/);
});

test('a series is booked all or nothing, the error naming the item', async () => {
  const base = day + 2 * DAY;
  const items = [0, 1, 2].map((i) => dosing({ patient_id: patients.Samuel, start: at(base + i * 2 * DAY),
    plan_id: 'plan_demo', session_number: i + 1 }));
  const blocker = await api('front_desk', 'POST', '/appointments',
    { type: 'consultation', patient_id: patients.Lena, room_id: room1, staff_ids: [staff.prescriber], start: at(base + 4 * DAY) });
  assert.equal(blocker.status, 201);
  const refused = await api('front_desk', 'POST', '/appointments/batch', { items });
  assert.equal(refused.status, 409, refused.text);
  assert.equal(refused.json.error.field, 'items[2].room_id');
  assert.equal(refused.json.error.clash.item_index, 2);
  assert.equal(refused.json.error.clash.appointment_id, blocker.json.appointment.id);
  const none = await api('front_desk', 'GET', `/patients/${patients.Samuel}/appointments`);
  assert.equal(none.json.items.filter((a) => a.plan_id === 'plan_demo').length, 0, 'nothing of the refused series was booked');
  // items clashing with each other
  const twice = await api('front_desk', 'POST', '/appointments/batch', { items: [items[0], items[0]] });
  assert.equal(twice.status, 409);
  assert.equal(twice.json.error.field, 'items[1].room_id');
  assert.equal(twice.json.error.clash.with_item_index, 0);
  const invalid = await api('front_desk', 'POST', '/appointments/batch',
    { items: [items[0], { ...items[1], route: 'intravenous' }] });
  assert.equal(invalid.status, 400);
  assert.equal(invalid.json.error.field, 'items[1].route');

  const ok = await api('front_desk', 'POST', '/appointments/batch', { items: items.slice(0, 2) });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.items.length, 2);
  assert.equal(ok.json.items[1].appointment.session_number, 2);
  assert.equal(ok.json.items[1].appointment.plan_id, 'plan_demo');
  const mine = await api('nurse', 'GET', `/patients/${patients.Samuel}/appointments`);
  assert.equal(mine.json.items.filter((a) => a.plan_id === 'plan_demo').length, 2);
});

test('cancelling frees the slot: the same time books again; status changes', async () => {
  const start = day + 8 * DAY;
  const first = await api('front_desk', 'POST', '/appointments', dosing({ start: at(start) }));
  assert.equal(first.status, 201);
  const id = first.json.appointment.id;
  const clash = await api('front_desk', 'POST', '/appointments', dosing({ patient_id: patients.Jonas, start: at(start) }));
  assert.equal(clash.status, 409);
  const noReason = await api('front_desk', 'POST', `/appointments/${id}/cancel`, { reason: '  ' });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.json.error.field, 'reason');
  const cancelled = await api('front_desk', 'POST', `/appointments/${id}/cancel`, { reason: 'Patient unwell' });
  assert.equal(cancelled.status, 200, cancelled.text);
  assert.equal(cancelled.json.appointment.status, 'cancelled');
  assert.equal(cancelled.json.appointment.cancel_reason, 'Patient unwell');
  assert.match(cancelled.json.notice.subject, /Cancelled/);
  const again = await api('front_desk', 'POST', `/appointments/${id}/cancel`, { reason: 'twice' });
  assert.equal(again.status, 409);
  const rebook = await api('front_desk', 'POST', '/appointments', dosing({ patient_id: patients.Jonas, start: at(start) }));
  assert.equal(rebook.status, 201, rebook.text);
  const done = await api('nurse', 'POST', `/appointments/${rebook.json.appointment.id}/status`, { status: 'completed' });
  assert.equal(done.status, 200);
  assert.equal(done.json.status, 'completed');
  const badStatus = await api('nurse', 'POST', `/appointments/${rebook.json.appointment.id}/status`, { status: 'no_show' });
  assert.equal(badStatus.status, 409);
  await api('therapist', 'GET', `/appointments/${id}`);
  const events = await auditEvents(server.url, tokens.admin, { entity_id: id });
  assert.deepEqual(events.map((e) => e.action).sort(), ['calendar.appointment.book', 'calendar.appointment.cancel', 'calendar.appointment.read']);
});

test("cancelling a program's appointment offers the place to the next person waiting", async () => {
  // No free places: both people wait until a slot is freed.
  const program = await api('admin', 'POST', '/waiting-programs', { name: 'IV induction', capacity: 0, offer_hours: 48 });
  assert.equal(program.status, 201, program.text);
  const pid = program.json.id;
  const person = (given) => ({ given_name: given, family_name: 'Example', email: `${given.toLowerCase()}@example.org`,
    preferred_contact: 'email', prescreen: { pregnant: 'no', substance_use: 'no', high_blood_pressure: 'no' }, age_years: 35 });
  const first = await api('front_desk', 'POST', `/waiting-programs/${pid}/entries`, person('Ada'));
  assert.equal(first.status, 201, first.text);
  const second = await api('front_desk', 'POST', `/waiting-programs/${pid}/entries`, person('Ben'));
  assert.equal(second.status, 201, second.text);
  const waiting = first; // the earliest joined is offered first
  const before = (await api('front_desk', 'GET', `/waiting-programs/${pid}/entries`)).json.items;
  assert.equal(before.find((e) => e.id === waiting.json.id).status, 'waiting');
  const booked = await api('front_desk', 'POST', '/appointments',
    dosing({ patient_id: patients.Tomás, start: at(day + 12 * DAY), program_id: pid }));
  assert.equal(booked.status, 201, booked.text);
  const cancelled = await api('front_desk', 'POST', `/appointments/${booked.json.appointment.id}/cancel`, { reason: 'Moved away' });
  assert.equal(cancelled.status, 200, cancelled.text);
  assert.equal(cancelled.json.offered_entry_id, waiting.json.id);
  const after = (await api('front_desk', 'GET', `/waiting-programs/${pid}/entries`)).json.items;
  assert.equal(after.find((e) => e.id === second.json.id).status, 'waiting', 'one freed slot, one offer');
  assert.equal(after.find((e) => e.id === waiting.json.id).status, 'offered');
  const msg = runSql(server.database, `SELECT subject FROM outbox WHERE entity_id = '${waiting.json.id}'`);
  assert.match(msg.stdout, /A place is available: IV induction/);
});

test('two concurrent bookings of one slot: one is booked, the other refused', async () => {
  const start = at(day + 20 * DAY);
  const results = await Promise.all([patients.Lena, patients.Rosa, patients.Jonas, patients.Maya].map((p, i) =>
    api('front_desk', 'POST', '/appointments',
      { type: 'consultation', patient_id: p, room_id: room2, staff_ids: [[staff.nurse, staff.prescriber, staff.admin, staff.therapist][i]], start })));
  const statuses = results.map((r) => r.status).sort();
  assert.deepEqual(statuses, [201, 409, 409, 409], results.map((r) => r.text).join('\n'));
  const list = await api('front_desk', 'GET', `/appointments?from=${encodeURIComponent(start)}&to=${encodeURIComponent(at(day + 20 * DAY + HOUR))}&room_id=${room2}`);
  assert.equal(list.json.items.filter((a) => a.status === 'booked').length, 1);
});

test('day and week views; an inverted range names `to`; another clinic sees nothing', async () => {
  const from = at(day - 9 * HOUR);
  const to = at(day - 9 * HOUR + DAY);
  const list = await api('therapist', 'GET', `/appointments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  assert.equal(list.status, 200);
  assert.ok(list.json.items.length >= 3);
  assert.ok(list.json.items.every((a) => a.start < to && a.end > from));
  const roomOnly = await api('therapist', 'GET', `/appointments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&room_id=${room2}`);
  assert.ok(roomOnly.json.items.every((a) => a.room_id === room2));
  const inverted = await api('therapist', 'GET', `/appointments?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`);
  assert.equal(inverted.status, 400);
  assert.equal(inverted.json.error.field, 'to');
  const noFrom = await api('therapist', 'GET', `/appointments?to=${encodeURIComponent(to)}`);
  assert.equal(noFrom.status, 400);
  assert.equal(noFrom.json.error.field, 'from');
  const someId = list.json.items[0].id;
  const reads = await auditEvents(server.url, tokens.admin, { action: 'calendar.appointments.read', entity_id: room2 });
  assert.ok(reads.length >= 1, 'a view of a room is audited');

  // Another clinic: its admin sees none of this one's appointments, rooms or patients.
  const boss = other;
  const r = await call(server.url, 'GET', `/api/v1/appointments/${someId}`, { token: boss });
  assert.equal(r.status, 404);
  const cancel = await call(server.url, 'POST', `/api/v1/appointments/${someId}/cancel`, { token: boss, body: { reason: 'x' } });
  assert.equal(cancel.status, 404);
  const pat = await call(server.url, 'GET', `/api/v1/patients/${patients.Maya}/appointments`, { token: boss });
  assert.equal(pat.status, 404);
  const rooms = await call(server.url, 'GET', '/api/v1/rooms', { token: boss });
  assert.deepEqual(rooms.json.items, []);
  const theirs = await call(server.url, 'GET', `/api/v1/appointments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { token: boss });
  assert.deepEqual(theirs.json.items, []);
  const foreignRoom = await call(server.url, 'POST', '/api/v1/rooms/' + room1, { token: boss, body: { name: 'Mine now' } });
  assert.equal(foreignRoom.status, 404);
});

test('settings: the admin changes durations; esketamine may not go below the label', async () => {
  const got = await api('front_desk', 'GET', '/clinic/calendar-settings');
  assert.equal(got.status, 200);
  assert.equal(got.json.esketamine_session_minutes, 120);
  assert.equal(got.json.minimum_dosing_minutes.iv, got.json.iv_infusion_minutes + got.json.racemic_observation_minutes);
  const denied = await api('front_desk', 'POST', '/clinic/calendar-settings', { follow_up_minutes: 45 });
  assert.equal(denied.status, 403);
  const low = await api('admin', 'POST', '/clinic/calendar-settings', { esketamine_session_minutes: 90 });
  assert.equal(low.status, 400);
  assert.equal(low.json.error.field, 'esketamine_session_minutes');
  const ok = await api('admin', 'POST', '/clinic/calendar-settings', { follow_up_minutes: 45 });
  assert.equal(ok.status, 200);
  assert.equal(ok.json.follow_up_minutes, 45);
  assert.equal(ok.json.updated_by, DEMO_USERS.admin);
  const booked = await api('front_desk', 'POST', '/appointments',
    { type: 'follow_up', patient_id: patients.Lena, room_id: room1, staff_ids: [staff.therapist], start: at(day + 30 * DAY) });
  assert.equal(booked.status, 201);
  assert.equal(booked.json.appointment.duration_minutes, 45);
});
