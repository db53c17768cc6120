// Story: a nurse runs a monitored IV session in the browser, from the calendar to
// discharge. Everything settled before the day is set up through the API (eligible,
// consent signed and countersigned, a dose verified by a double check, a booking
// for now). The nurse opens the session from the calendar, checks the patient in,
// records pre-dose vital signs, marks the patient ready, records the drug's lot and
// starts dosing at the ordered rate. A pressure of 205/121 raises a high-priority
// alarm on the console; a second nurse sees it on the station and acknowledges it
// there, and the console shows the acknowledgement without a reload. After the dose,
// discharge is refused until the Aldrete score and the discharge checks allow it.
// Runs the real server binary and Debian's Chromium (desktop).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import { DESKTOP, apiSignIn, assertBuilt, launchChromium, openPage, posted, screenshotPath, signIn, watchProblems } from './browser.mjs';

const MINUTE = 60_000;

async function prepare(server) {
  const tokens = {};
  for (const role of ['prescriber', 'nurse', 'front_desk', 'admin']) tokens[role] = (await apiSignIn(server, DEMO_USERS[role])).token;
  const api = async (role, method, path, body) => {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await r.json().catch(() => null);
    return { status: r.status, json };
  };
  const patient = (await api('nurse', 'GET', '/patients?q=Delgado')).json.items[0].id;
  const users = (await api('admin', 'GET', '/users?limit=200')).json.items;
  const nurse = users.find((u) => u.email === DEMO_USERS.nurse).id;
  const start = new Date(Date.now() + 5 * MINUTE);
  const day = start.toISOString().slice(0, 10);
  const ok = (r, status) => assert.equal(r.status, status, JSON.stringify(r.json));
  ok(await api('prescriber', 'POST', `/patients/${patient}/diagnoses`, { code: 'F33.2' }), 201);
  ok(await api('nurse', 'POST', `/patients/${patient}/measurements`, { weight_kg: 70, measured_on: new Date().toISOString().slice(0, 10) }), 201);
  ok(await api('prescriber', 'POST', `/patients/${patient}/eligibility-decisions`, { decision: 'eligible', reason: 'Two adequate trials without response' }), 201);
  const doc = (await api('nurse', 'GET', '/consent-documents')).json.items.find((d) => d.kind === 'iv' && d.status === 'published');
  const shown = await api('nurse', 'GET', `/patients/${patient}/consent-documents/${doc.id}`);
  const signed = await api('nurse', 'POST', `/patients/${patient}/consents`, { document_id: doc.id, typed_name: 'Rosa Delgado', acknowledged_sections: shown.json.sections });
  ok(signed, 201);
  ok(await api('prescriber', 'POST', `/consents/${signed.json.id}/countersign`), 200);
  const order = await api('prescriber', 'POST', `/patients/${patient}/dose-orders`, {
    route: 'iv', dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40 }, concentration_mg_per_ml: 1, planned_for: day,
  });
  ok(order, 201);
  ok(await api('nurse', 'POST', `/dose-orders/${order.json.id}/double-check`, { weight_kg: 70, concentration_mg_per_ml: 1 }), 200);
  const room = (await api('front_desk', 'GET', '/rooms')).json.items.find((r) => r.name === 'Room 1');
  ok(await api('front_desk', 'POST', '/appointments', {
    type: 'dosing_session', route: 'iv', patient_id: patient, room_id: room.id, staff_ids: [nurse], start: start.toISOString(), duration_minutes: 120,
  }), 201);
  return { startsToday: day === new Date().toISOString().slice(0, 10) };
}

test('a nurse runs an IV session from check-in to discharge; a second nurse acknowledges its alarm on the station', { timeout: 240_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    const { startsToday } = await prepare(server);
    browser = await launchChromium();
    const problems = [];
    const page = await openPage(browser, DESKTOP);
    watchProblems(page, problems);

    // From the calendar to the console.
    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.nurse, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Calendar', exact: true }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    if (!startsToday) await page.getByRole('button', { name: 'Next day' }).click();
    await page.getByRole('region', { name: 'Room 1' }).getByRole('button', { name: /Delgado, Rosa/ }).click();
    const details = page.getByRole('dialog', { name: /Delgado, Rosa/ });
    assert.equal(await posted(page, '/api/v1/sessions', () => details.getByRole('button', { name: 'Open session' }).click()), 201);
    await page.getByRole('heading', { name: /Rosa Delgado/, level: 1 }).waitFor();
    const state = page.locator('.session-header .session-state');
    assert.equal(await state.innerText(), 'Scheduled');

    // Check-in, pre-dose vital signs, ready to dose.
    const checkIn = page.getByRole('region', { name: 'Check-in' });
    await checkIn.getByLabel('An adult escort will take the patient home').check();
    await checkIn.getByLabel('Pregnancy status is current').check();
    await checkIn.getByLabel('Pre-session questionnaire done').check();
    assert.equal(await posted(page, '/check-in', () => checkIn.getByRole('button', { name: 'Check in' }).click()), 200);
    await page.locator('.session-header .session-state', { hasText: 'Checked in' }).waitFor();
    const steps = page.getByRole('region', { name: 'Next step' });
    assert.equal(await posted(page, '/transitions', () => steps.getByRole('button', { name: 'Mark ready to dose' }).click()), 409);
    await steps.getByText('Record pre-dose blood pressure, heart rate and SpO2.').first().waitFor();

    const vitals = page.getByRole('region', { name: 'Vital signs' });
    const record = async (systolic, diastolic, hr, spo2) => {
      await vitals.getByLabel('Systolic BP (mmHg)').fill(String(systolic));
      await vitals.getByLabel('Diastolic BP (mmHg)').fill(String(diastolic));
      await vitals.getByLabel('Heart rate (/min)').fill(String(hr));
      await vitals.getByLabel('SpO2 (%)').fill(String(spo2));
      assert.equal(await posted(page, '/vitals', () => vitals.getByRole('button', { name: 'Record reading' }).click()), 201);
    };
    await record(128, 82, 76, 98);
    assert.equal(await posted(page, '/transitions', () => steps.getByRole('button', { name: 'Mark ready to dose' }).click()), 200);
    await page.locator('.session-header .session-state', { hasText: 'Ready to dose' }).waitFor();

    // The drug's lot, then dosing at the ordered rate.
    const lot = page.getByRole('region', { name: /lot/i });
    await lot.getByLabel('Lot number').fill('K1234');
    await lot.getByLabel('Expiry date').fill('2099-12-31');
    assert.equal(await posted(page, '/drug-lot', () => lot.getByRole('button', { name: 'Record the lot' }).click()), 200);
    await steps.getByRole('button', { name: 'Start dosing' }).click();
    const startForm = steps.getByRole('form', { name: 'Start dosing' });
    assert.equal(await posted(page, '/transitions', () => startForm.getByRole('button', { name: 'Start dosing' }).click()), 200);
    await page.locator('.session-header .session-state', { hasText: 'Dosing' }).waitFor();

    // A severe pressure: a high-priority alarm on the console.
    await record(205, 121, 96, 97);
    const banner = page.getByRole('region', { name: 'Alarms' });
    await banner.getByText('Blood pressure 200/120 or more').waitFor();
    await page.screenshot({ path: screenshotPath('session-console-alarm-desktop.png'), fullPage: true });

    // A second nurse sees it on the station and acknowledges it there.
    const station = await openPage(browser, DESKTOP);
    watchProblems(station, problems);
    await station.goto(server.url + '/');
    await signIn(station, DEMO_USERS.nurse, DEMO_PASSWORD);
    await station.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Station' }).click();
    await station.getByRole('heading', { name: 'Nurse station', level: 1 }).waitFor();
    const ack = station.getByRole('button', { name: 'Acknowledge Blood pressure 200/120 or more for Rosa Delgado' });
    await ack.waitFor();
    await station.screenshot({ path: screenshotPath('nurse-station-alarm-desktop.png'), fullPage: true });
    assert.equal(await posted(station, /\/acknowledge$/, () => ack.click()), 200);
    await ack.waitFor({ state: 'detached' });
    // The console hears it over the live connection: no Acknowledge button left for it.
    await banner.getByRole('button', { name: 'Acknowledge Blood pressure 200/120 or more' }).waitFor({ state: 'detached' });

    // The pressure falls; the dose ends; discharge is refused until it is safe.
    await record(132, 84, 80, 98);
    await steps.getByRole('button', { name: 'Stop dosing' }).click();
    await page.locator('.session-header .session-state', { hasText: 'Observing' }).waitFor();
    assert.equal(await posted(page, '/transitions', () => steps.getByRole('button', { name: 'Ready for discharge' }).click()), 409);
    await steps.getByText('Record a modified Aldrete score.').first().waitFor();
    const recovery = page.getByRole('region', { name: /Aldrete|Recovery/ });
    for (const legend of ['Activity', 'Respiration', 'Consciousness'])
      await recovery.getByRole('group', { name: legend }).getByRole('radio').first().check();
    assert.equal(await posted(page, '/aldrete', () => recovery.getByRole('button', { name: 'Record score' }).click()), 200);
    const checks = page.getByRole('form', { name: 'Discharge checks' });
    await checks.getByLabel('The escort who takes the patient home is present').check();
    await checks.getByLabel(/Written discharge instructions given/).check();
    assert.equal(await posted(page, '/discharge-checks', () => checks.getByRole('button', { name: 'Save discharge checks' }).click()), 200);
    assert.equal(await posted(page, '/transitions', () => steps.getByRole('button', { name: 'Ready for discharge' }).click()), 200);
    assert.equal(await posted(page, '/transitions', () => steps.getByRole('button', { name: 'Discharge' }).click()), 200);
    await page.locator('.session-header .session-state', { hasText: 'Discharged' }).waitFor();
    await page.screenshot({ path: screenshotPath('session-console-discharged-desktop.png'), fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
