// Story: the front desk opens the Calendar, moves three days ahead, and books an
// esketamine dosing session for a demo patient in Room 1 with the nurse; the length
// starts at the label's 2 hours. The day view shows it in Room 1's column. A second
// booking of Room 1 at the same time, for another patient with the prescriber, is
// refused: the message names the room and the clash and sits at the room field,
// which gets focus. The front desk then opens the first appointment, reads the
// preparation the reminder carries, and cancels it with a reason; the block shows
// it cancelled. The admin then adds a chair and changes the calendar settings, and
// is refused an esketamine session under the label's 2 hours. Runs the real server
// binary and Debian's Chromium, desktop size.
// Needs `npm run build` (web/dist) and build/test/ketaclinic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import { DESKTOP, assertBuilt, hasFocus, launchChromium, openPage, posted, screenshotPath, signIn, signOut, watchProblems } from './browser.mjs';

/** Fills the booking dialog for `family` with `staff`, in Room 1, intranasal esketamine. */
async function fillBooking(page, family, staff) {
  const dialog = page.getByRole('dialog', { name: 'Book appointment' });
  await dialog.waitFor();
  await dialog.getByLabel('Find the patient').fill(family);
  const patient = dialog.getByLabel('Patient', { exact: true });
  await patient.locator('option', { hasText: family }).waitFor({ state: 'attached' });
  await patient.selectOption({ label: (await patient.locator('option', { hasText: family }).first().innerText()).trim() });
  await dialog.getByLabel('Type').selectOption('dosing_session');
  await dialog.getByLabel('Route').selectOption('intranasal_esketamine');
  await dialog.getByLabel('Room or chair').selectOption({ label: 'Room 1' });
  await dialog.getByRole('checkbox', { name: new RegExp(staff) }).check();
  return dialog;
}

test('the front desk books a dosing session, is refused a double booking of the room, and cancels', { timeout: 180_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium();
    const problems = [];
    const page = await openPage(browser, DESKTOP);
    watchProblems(page, problems);
    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.front_desk, DEMO_PASSWORD);

    await page.getByRole('link', { name: 'Calendar', exact: true }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next day' }).click();
    const grid = page.getByRole('group', { name: /by room$/ });
    await grid.waitFor();

    // The first booking: esketamine, 120 minutes by default.
    await page.getByRole('button', { name: 'Book appointment' }).click();
    let dialog = await fillBooking(page, 'Okafor', 'Noah Nurse');
    assert.equal(await dialog.getByLabel('Length (minutes)').inputValue(), '120');
    assert.equal(await posted(page, '/api/v1/appointments', () => dialog.getByRole('button', { name: 'Book', exact: true }).click()), 201);
    await dialog.waitFor({ state: 'detached' });
    const room1 = page.getByRole('region', { name: 'Room 1' });
    // The demo has Maya in Room 1 for an IV session too, on a day that may fall in this week.
    const block = room1.getByRole('button', { name: /Okafor, Maya/ }).filter({ hasText: 'Intranasal esketamine' });
    await block.waitFor();
    assert.match(await block.innerText(), /Dosing session \(Intranasal esketamine\)/);
    assert.match(await block.innerText(), /Noah Nurse/);

    // The same room at the same time, another patient and another clinician: refused.
    await page.getByRole('button', { name: 'Book appointment' }).click();
    dialog = await fillBooking(page, 'Delgado', 'Dr Priya Prescriber');
    assert.equal(await posted(page, '/api/v1/appointments', () => dialog.getByRole('button', { name: 'Book', exact: true }).click()), 409);
    const roomError = dialog.locator('.field-error[role="alert"]');
    await roomError.waitFor();
    assert.match(await roomError.innerText(), /The room Room 1 is already booked from .* to /);
    assert.ok(await hasFocus(dialog.getByLabel('Room or chair')), 'focus moves to the room field');
    assert.equal(await dialog.getByLabel('Room or chair').getAttribute('aria-invalid'), 'true');
    await page.screenshot({ path: screenshotPath('calendar-double-booking.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await room1.getByRole('button', { name: /Delgado/ }).count(), 0);

    // Open the first appointment, read the preparation, cancel it with a reason.
    await block.click();
    const details = page.getByRole('dialog', { name: /Okafor, Maya/ });
    await details.waitFor();
    // The gates before dosing: a new patient has no consent and no checked dose yet.
    const gates = details.getByRole('region', { name: 'Before dosing' });
    await gates.getByText('Not ready: see what is missing below.').waitFor();
    assert.match(await gates.getByRole('listitem').filter({ hasText: 'Consent for this route' }).innerText(), /^Missing/);
    assert.match(await gates.getByRole('listitem').filter({ hasText: 'Escort home' }).innerText(), /^At check-in/);
    const prep = await details.getByRole('list', { name: /Preparation/ }).innerText();
    assert.match(prep, /Do not eat anything for 2 hours/);
    assert.match(prep, /adult/);
    await details.getByRole('button', { name: 'Cancel appointment' }).click();
    await details.getByText('Give the reason for the cancellation.').waitFor();
    await details.getByLabel('Reason for cancelling').fill('Patient asked to move it');
    assert.equal(await posted(page, /\/cancel$/, () => details.getByRole('button', { name: 'Cancel appointment' }).click()), 200);
    await details.waitFor({ state: 'detached' });
    const cancelled = room1.getByRole('button', { name: /Okafor, Maya/ }).filter({ hasText: 'Intranasal esketamine' });
    await cancelled.getByText('Cancelled').waitFor();
    await page.screenshot({ path: screenshotPath('calendar-day.png'), fullPage: true });

    // The week view of Room 1 shows it too.
    await page.getByRole('button', { name: 'Week of one room' }).click();
    await page.getByLabel('Room or chair').selectOption({ label: 'Room 1' });
    await page.getByRole('group', { name: /^Appointments in Room 1, week of/ }).getByRole('button', { name: /09:00–11:00 Okafor, Maya/ }).waitFor();

    // The admin adds a chair and lengthens follow-ups on Clinic settings; the label's
    // 2 hours for esketamine cannot be lowered.
    await signOut(page);
    await signIn(page, DEMO_USERS.admin, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Clinic settings', exact: true }).click();
    const rooms = page.getByRole('region', { name: 'Rooms and chairs' });
    await rooms.getByText('Room 1').waitFor();
    await rooms.getByLabel('Name').fill('Recliner chair C');
    await rooms.getByLabel('Kind').selectOption('chair');
    assert.equal(await posted(page, '/api/v1/rooms', () => rooms.getByRole('button', { name: 'Add room or chair' }).click()), 201);
    await rooms.getByText('Recliner chair C').waitFor();
    const settings = page.getByRole('region', { name: 'Calendar' });
    await settings.getByLabel('Esketamine session (minutes)').fill('90');
    assert.equal(await posted(page, '/api/v1/clinic/calendar-settings', () => settings.getByRole('button', { name: 'Save calendar settings' }).click()), 400);
    const eskError = settings.locator('.field-error');
    await eskError.waitFor();
    assert.match(await eskError.innerText(), /Spravato label requires at least 2 hours/);
    assert.ok(await hasFocus(settings.getByLabel('Esketamine session (minutes)')), 'focus moves to the refused setting');
    await settings.getByLabel('Esketamine session (minutes)').fill('120');
    await settings.getByLabel('Follow-up (minutes)').fill('45');
    assert.equal(await posted(page, '/api/v1/clinic/calendar-settings', () => settings.getByRole('button', { name: 'Save calendar settings' }).click()), 200);
    await settings.getByText('Calendar settings saved.').waitFor();
    await page.screenshot({ path: screenshotPath('calendar-settings.png'), fullPage: true });

    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
