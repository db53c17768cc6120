// For director_reviews_outcomes.test.mjs: dosing sessions made through the API so
// the demo clinic has figures to filter. A patient is made eligible, signs and has
// countersigned the route's consent, has a dose ordered and double-checked, is
// booked for a few minutes from now, and the session runs from check-in to the end
// of dosing, with a side effect recorded. Not a test file itself.
import assert from 'node:assert/strict';
import { DEMO_USERS } from '../../tests/support/server.mjs';
import { apiSignIn } from './browser.mjs';

const MINUTE = 60_000;

/** An API caller per demo role (bearer tokens). */
export async function apiAs(server) {
  const tokens = {};
  for (const role of ['prescriber', 'nurse', 'front_desk', 'admin']) tokens[role] = (await apiSignIn(server, DEMO_USERS[role])).token;
  return async (role, method, path, body) => {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, json: await r.json().catch(() => null) };
  };
}

const ok = (r, status) => assert.equal(r.status, status, JSON.stringify(r.json));

/**
 * Runs one session for the demo patient found by `query` on `route` ('iv' or 'im'),
 * booked `offsetMinutes` from now in `roomName` with the demo user `staff` (a role
 * name), up to the end of dosing.
 */
export async function dosedSession(api, { query, route, roomName, staff, offsetMinutes }) {
  const patient = (await api('nurse', 'GET', `/patients?q=${encodeURIComponent(query)}`)).json.items[0];
  const users = (await api('admin', 'GET', '/users?limit=200')).json.items;
  const staffId = users.find((u) => u.email === DEMO_USERS[staff]).id;
  const start = new Date(Date.now() + offsetMinutes * MINUTE);
  const day = start.toISOString().slice(0, 10);
  ok(await api('prescriber', 'POST', `/patients/${patient.id}/diagnoses`, { code: 'F33.2' }), 201);
  ok(await api('nurse', 'POST', `/patients/${patient.id}/measurements`, { weight_kg: 70, measured_on: new Date().toISOString().slice(0, 10) }), 201);
  ok(await api('prescriber', 'POST', `/patients/${patient.id}/eligibility-decisions`, { decision: 'eligible', reason: 'Two adequate trials without response' }), 201);
  const doc = (await api('nurse', 'GET', '/consent-documents')).json.items.find((d) => d.kind === route && d.status === 'published');
  const shown = await api('nurse', 'GET', `/patients/${patient.id}/consent-documents/${doc.id}`);
  const signed = await api('nurse', 'POST', `/patients/${patient.id}/consents`, { document_id: doc.id, typed_name: `${patient.given_name} ${patient.family_name}`, acknowledged_sections: shown.json.sections });
  ok(signed, 201);
  ok(await api('prescriber', 'POST', `/consents/${signed.json.id}/countersign`), 200);
  const rule = route === 'iv' ? { mg_per_kg: 0.5, infusion_minutes: 40 } : { mg_per_kg: 0.5 };
  const order = await api('prescriber', 'POST', `/patients/${patient.id}/dose-orders`, { route, dose_rule: rule, concentration_mg_per_ml: route === 'iv' ? 1 : 50, planned_for: day });
  ok(order, 201);
  ok(await api('nurse', 'POST', `/dose-orders/${order.json.id}/double-check`, { weight_kg: 70, concentration_mg_per_ml: route === 'iv' ? 1 : 50 }), 200);
  const room = (await api('front_desk', 'GET', '/rooms')).json.items.find((r) => r.name === roomName);
  const booked = await api('front_desk', 'POST', '/appointments', {
    type: 'dosing_session', route, patient_id: patient.id, room_id: room.id, staff_ids: [staffId], start: start.toISOString(), duration_minutes: 120,
  });
  ok(booked, 201);
  const session = await api('nurse', 'POST', '/sessions', { appointment_id: booked.json.appointment.id });
  ok(session, 201);
  const id = session.json.id;
  ok(await api('nurse', 'POST', `/sessions/${id}/check-in`, { escort_confirmed: true, fasting_confirmed: true, pregnancy_status_current: true, questionnaire_done: true, questionnaire_skip_reason: '' }), 200);
  ok(await api('nurse', 'POST', `/sessions/${id}/vitals`, { source: 'manual', readings: [{ systolic_mmhg: 128, diastolic_mmhg: 82, heart_rate_bpm: 76, spo2_pct: 98 }] }), 201);
  ok(await api('nurse', 'POST', `/sessions/${id}/transitions`, { transition: 'mark_ready' }), 200);
  ok(await api('nurse', 'POST', `/sessions/${id}/drug-lot`, { lot: 'K1234', expiry_date: '2099-12-31' }), 200);
  const rate = route === 'iv' ? { rate_ml_per_h: Math.round((35 / 40) * 60) } : {};
  ok(await api('nurse', 'POST', `/sessions/${id}/transitions`, { transition: 'start_dosing', ...rate }), 200);
  ok(await api('nurse', 'POST', `/sessions/${id}/effects`, { kind: 'nausea', severity: 'mild', description: 'Felt sick', intervention: 'Ondansetron', outcome: 'resolved', serious: false, narrative: '' }), 200);
  ok(await api('nurse', 'POST', `/sessions/${id}/transitions`, { transition: 'stop_dosing' }), 200);
  return { patientId: patient.id, sessionId: id };
}
