// Story: the prescriber opens a demo patient's Dose tab, calculates an IV dose from
// the latest weight (the rounding stated, volume and pump rate shown) and orders it.
// A nurse opens Double checks, sees only the patient, route, date and dose rule,
// enters the weight and a wrong concentration: the check is blocked, naming the
// concentration and not revealing the ordered value; the order stays unverified.
// With the right concentration the order is verified. Runs the real server binary
// and Debian's Chromium (desktop). Needs `npm run build` and build/test/ketaclinic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import { DESKTOP, assertBuilt, hasFocus, launchChromium, openPage, posted, screenshotPath, signIn, signOut, watchProblems } from './browser.mjs';

const PATIENT = 'Ferreira, Tomás'; // a demo patient with a recent weight (72.4 kg)

/** The Double checks rows of the patient's orders planned for `day` (the demo clinic has one for tomorrow). */
const checkRows = (page, day) => page.locator('.dose-checks tbody tr')
  .filter({ hasText: PATIENT })
  .filter({ has: page.locator('td:nth-child(3)', { hasText: new RegExp(`^${day}$`) }) });

test('a prescriber orders a dose; a nurse’s blind check with a wrong concentration is blocked, the right one verifies it', { timeout: 180_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium();
    const problems = [];
    const page = await openPage(browser, DESKTOP);
    watchProblems(page, problems);

    // The prescriber calculates and orders 0.5 mg/kg IV over 40 minutes at 10 mg/mL.
    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.prescriber, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Patients', exact: true }).click();
    await page.getByRole('link', { name: PATIENT }).click();
    await page.getByRole('heading', { name: PATIENT, level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Dose' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Dose' });
    await panel.getByText(/Latest weight: 72\.4 kg on \d{4}-\d\d-\d\d \(2 days ago\)/).waitFor();
    const calculator = panel.getByRole('region', { name: 'Dose calculator' });
    await calculator.getByLabel('Route').selectOption('iv');
    await calculator.getByLabel('Dose (mg/kg)').fill('0.5');
    await calculator.getByLabel('Concentration (mg/mL)').fill('10');
    const plannedFor = await calculator.getByLabel('Planned for').inputValue();
    assert.equal(await posted(page, '/dose-calculations', () => calculator.getByRole('button', { name: 'Calculate' }).click()), 200);
    const result = calculator.locator('.dose-result');
    await result.waitFor();
    const resultText = await result.innerText();
    assert.match(resultText, /36 mg/);
    assert.match(resultText, /36\.2 mg rounded to 36 mg \(nearest 1 mg\)/);
    assert.match(resultText, /3\.6 mL/);
    assert.match(resultText, /5\.4 mL\/h/);
    assert.match(resultText, /Within the clinic's limits \(soft 1 mg\/kg, hard 4\.5 mg\/kg\)/);
    assert.equal(await posted(page, '/dose-orders', () => calculator.getByRole('button', { name: 'Order this dose' }).click()), 201);
    await calculator.getByText(`Dose ordered: 36 mg on ${plannedFor}. A second clinician must now double-check it.`).waitFor();
    const orderRow = panel.locator('.dose-orders tbody tr').filter({ has: page.locator('td:nth-child(1)', { hasText: new RegExp(`^${plannedFor}$`) }) });
    assert.match(await orderRow.innerText(), /Awaiting double check/);
    await page.screenshot({ path: screenshotPath('dose-calculator-desktop.png'), fullPage: true });
    await signOut(page);

    // The nurse opens Double checks: the order is there, blind.
    await signIn(page, DEMO_USERS.nurse, DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Double checks' }).click();
    await page.getByRole('heading', { name: 'Dose double checks', level: 1 }).waitFor();
    const row = checkRows(page, plannedFor);
    assert.match(await row.innerText(), /IV infusion.*0\.5 mg\/kg over 40 min.*Awaiting double check.*prescriber@demo\.test/s);
    await row.getByRole('button', { name: 'Check' }).click();
    const check = page.getByRole('region', { name: `Double check: ${PATIENT}` });
    await check.waitFor();
    const shown = await check.innerText();
    assert.doesNotMatch(shown, /72\.4|10 mg\/mL|36 mg|3\.6 mL/, 'the first entry stays hidden');

    // A wrong concentration: blocked, the field named, the order not verified.
    await check.getByLabel('Weight (kg)').fill('72.4');
    await check.getByLabel('Concentration (mg/mL)').fill('50');
    assert.equal(await posted(page, /\/double-check$/, () => check.getByRole('button', { name: 'Submit double check' }).click()), 409);
    const blocked = check.locator('.dose-blocked');
    await blocked.waitFor();
    assert.equal(await blocked.getAttribute('role'), 'alert');
    assert.match(await blocked.innerText(), /^Blocked: the concentration does not match the order\. The order stays unverified\./);
    assert.doesNotMatch(await check.innerText(), /10 mg\/mL/);
    const concentration = check.getByLabel('Concentration (mg/mL)');
    assert.equal(await concentration.getAttribute('aria-invalid'), 'true');
    assert.ok(await hasFocus(concentration), 'focus moves to the concentration');
    await checkRows(page, plannedFor).filter({ hasText: 'Blocked: double check did not match' }).waitFor();
    await page.screenshot({ path: screenshotPath('dose-check-blocked-desktop.png'), fullPage: true });

    // The right concentration: verified, and off the list.
    await concentration.fill('10');
    assert.equal(await posted(page, /\/double-check$/, () => check.getByRole('button', { name: 'Submit double check' }).click()), 200);
    const verified = page.locator('.dose-verified');
    await verified.waitFor();
    assert.equal(await verified.innerText(), `Verified: ${PATIENT}, IV infusion on ${plannedFor} — 36 mg.`);
    await checkRows(page, plannedFor).first().waitFor({ state: 'detached' });  // the list reloads without it
    assert.equal(await checkRows(page, plannedFor).count(), 0);
    assert.equal(await page.locator('.dose-checks tbody tr').count(), 1);  // the demo order for tomorrow still waits
    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
