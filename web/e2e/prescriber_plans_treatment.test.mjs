// Story: on a desktop, the prescriber opens a demo patient's Plan tab and finds the
// signed IV plan (0.5 mg/kg over 40 min) with its PK chart drawn and the peak at the
// end of the infusion; a second dose two hours later superposes and raises the peak.
// She changes the plan to intranasal esketamine: the editor shows the label's dose
// fields; signing without a reason is refused at the reason field (focus lands there),
// with one it becomes version 2, and the proposal from a Tuesday follows the label
// (two sessions a week, three days apart); she books the proposed sessions in the
// calendar in one go. The version history names who signed and why. The Measures
// tab fills the questionnaire schedule from the plan's booked sessions. Runs the real server binary and Debian's Chromium; needs `npm run build`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import { DESKTOP, apiSignIn, assertBuilt, hasFocus, launchChromium, openPage, posted, screenshotPath, signIn, watchProblems } from './browser.mjs';

const PATIENT = 'Ferreira, Tomás'; // the demo patient with a signed IV plan

async function inked(canvas) {
  return canvas.evaluate((c) => {
    const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) n++;
    return { width: c.width, inked: n };
  });
}

test('a prescriber reviews the IV plan’s PK chart, changes the plan to esketamine with a reason, and proposes the label schedule', { timeout: 180_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium();
    const problems = [];
    const page = await openPage(browser, DESKTOP);
    watchProblems(page, problems);
    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.prescriber, DEMO_PASSWORD);

    await page.getByRole('link', { name: 'Patients', exact: true }).click();
    await page.getByRole('link', { name: PATIENT }).click();
    await page.getByRole('heading', { name: PATIENT, level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Plan' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Plan' });
    await panel.getByRole('heading', { name: 'Current plan (version 1)' }).waitFor();
    assert.match(await panel.locator('.plan-facts').innerText(), /0\.5 mg\/kg over 40 min/);

    // The PK chart: 0.5 mg/kg × 72 kg = 36 mg over 40 min peaks at the end of the infusion.
    const chart = panel.getByRole('figure', { name: 'Predicted plasma concentration' });
    const summary = chart.locator('.pk-summary');
    await summary.waitFor();
    const single = await summary.innerText();
    assert.match(single, /^Peak \d+ ng\/mL at 40 min$/);
    const canvas = chart.locator('canvas');
    await canvas.waitFor();
    const drawn = await inked(canvas);
    assert.ok(drawn.width > 200 && drawn.inked > 1000, `the curve is drawn (${JSON.stringify(drawn)})`);

    // A second dose 2 hours later superposes on what is left of the first.
    await panel.getByLabel('Show a second dose').check();
    await panel.getByLabel('Second dose at (minutes after the first)').fill('120');
    await summary.filter({ hasText: 'at 2 h 40 min' }).waitFor();
    const peak = (text) => Number(/Peak (\d+)/.exec(text)[1]);
    assert.ok(peak(await summary.innerText()) > peak(single), 'the repeated dose peaks higher');
    await page.screenshot({ path: screenshotPath('plan-tab.png'), fullPage: true });

    // Change the plan to esketamine: the label's dose fields replace mg/kg.
    await panel.getByRole('button', { name: 'Change the plan' }).click();
    const editor = panel.getByRole('region', { name: 'Change the plan (new version 2)' });
    await editor.getByLabel('Route').selectOption('intranasal_esketamine');
    assert.equal(await editor.getByLabel('Dose (mg/kg)').count(), 0);
    assert.equal(await editor.getByLabel('First dose (mg)').inputValue(), '56');
    await editor.getByLabel('Later doses (mg)').selectOption('84');
    assert.equal(await editor.getByLabel('Over weeks').inputValue(), '4');
    await editor.getByRole('figure', { name: 'Predicted plasma concentration for one session' }).locator('.pk-summary').waitFor();

    // Without a reason the form says so at the field, and focus lands there.
    await editor.getByRole('button', { name: 'Sign version 2' }).click();
    const reason = editor.getByLabel('Reason for the change');
    await editor.getByRole('alert').filter({ hasText: 'Give the reason for changing the plan.' }).waitFor();
    assert.ok(await hasFocus(reason), 'focus is on the reason');
    await reason.fill('Dissociation too strong on IV; patient prefers nasal spray');
    assert.equal(await posted(page, /\/plans$/, () => editor.getByRole('button', { name: 'Sign version 2' }).click()), 201);
    await panel.getByText('Version 2 signed.').waitFor();
    await panel.getByRole('heading', { name: 'Current plan (version 2)' }).waitFor();
    assert.match(await panel.locator('.plan-facts').innerText(), /56 mg first, then 84 mg/);

    // The proposal from a Tuesday follows the label: twice weekly, 3 days apart.
    await panel.getByLabel('Start').fill('2026-11-24');
    await panel.getByLabel('Weeks ahead').fill('2');
    await panel.getByRole('button', { name: 'Propose sessions' }).click();
    const rows = panel.locator('.plan-proposal tbody tr');
    await rows.first().waitFor();
    assert.deepEqual(await panel.locator('.plan-proposal tbody th').allInnerTexts(), ['2026-11-24', '2026-11-27', '2026-12-01', '2026-12-04']);
    assert.match(await rows.first().innerText(), /56 mg/);
    assert.match(await rows.nth(1).innerText(), /84 mg/);

    // The prescriber books the four proposed sessions in the calendar in one go.
    const booking = panel.getByRole('form', { name: 'Book these sessions' });
    await booking.getByLabel('Room or chair').selectOption({ label: 'Recliner chair A' });
    await booking.getByLabel('Clinician').selectOption({ label: 'Dr Priya Prescriber' });
    await booking.getByLabel('Time of day').fill('19:00');
    assert.equal(await posted(page, '/appointments/batch', () => booking.getByRole('button', { name: 'Book 4 sessions' }).click()), 201);
    await panel.getByText('Booked 4 sessions in the calendar.', { exact: false }).waitFor();
    const { token } = await apiSignIn(server, DEMO_USERS.prescriber);
    const headers = { authorization: `Bearer ${token}` };
    const patientId = (await (await fetch(`${server.url}/api/v1/patients?q=Ferreira`, { headers })).json()).items[0].id;
    const appointments = await (await fetch(`${server.url}/api/v1/patients/${patientId}/appointments`, { headers })).json();
    const series = appointments.items.filter((a) => a.type === 'dosing_session' && a.route === 'intranasal_esketamine');
    assert.deepEqual(series.map((a) => a.session_number).sort(), [1, 2, 3, 4]);
    assert.ok(series.every((a) => a.duration_minutes >= 120), 'esketamine sessions last at least 2 hours');

    // The history names who signed each version and why.
    const history = panel.getByRole('region', { name: 'Versions' });
    const versions = await history.locator('tbody tr').allInnerTexts();
    assert.equal(versions.length, 2);
    assert.match(versions[0], /^2\s+Dr Priya Prescriber.*Intranasal esketamine, 56 mg first, then 84 mg\s+Dissociation too strong/s);
    assert.match(versions[1], /^1\s+Dr Priya Prescriber.*IV infusion, 0\.5 mg\/kg over 40 min\s+First plan/s);
    await page.screenshot({ path: screenshotPath('plan-editor-signed.png'), fullPage: true });

    // The questionnaire schedule from the plan: before each booked session, weekly
    // through the induction series, monthly after it; saved, the first session is due.
    await page.getByRole('tab', { name: 'Measures' }).click();
    const measures = page.getByRole('tabpanel', { name: 'Measures' });
    await measures.getByRole('button', { name: 'From the treatment plan' }).click();
    await measures.getByText('Filled from 4 booked dosing sessions of the plan.', { exact: false }).waitFor();
    const whenDue = await measures.locator('.schedule-rows').getByLabel('When due').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(whenDue, ['baseline', 'baseline', 'before_session', 'weekly', 'monthly']);
    assert.equal(await posted(page, '/schedule', () => measures.getByRole('button', { name: 'Save schedule' }).click()), 200);
    await measures.getByText('Schedule saved: 5 entries.').waitFor();

    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
