// Story: before Maya's first session the front desk completes her demographics and
// contacts on the Record tab (a wrong phone number is refused at its field), then a
// nurse weighs and measures her, records a penicillin allergy and an ECG, marks a
// weight typed in pounds and an allergy of another patient entered in error, and answers
// "Pregnant: no"; the header flags the allergy, the Record tab dates the pregnancy
// answer, and a therapist reads it all without any form. Runs the real server binary
// and Debian's Chromium. Needs `npm run build` (web/dist) and build/test/ketaclinic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import {
  DESKTOP, assertBuilt, headerBadges, launchChromium, openPage, posted, screenshotPath, signIn, signOut, watchProblems,
} from './browser.mjs';

const PATIENT = 'Okafor, Maya'; // a demo patient

/** From the Patients list to the patient's Record tab. */
async function openRecord(page) {
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('link', { name: PATIENT }).click();
  await page.getByRole('heading', { name: PATIENT, level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'Record' }).click();
  return page.getByRole('tabpanel', { name: 'Record' });
}

test('the front desk completes the demographics; a nurse adds weight, height, an allergy and an ECG', { timeout: 180_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium();
    const page = await openPage(browser, DESKTOP);
    const problems = [];
    watchProblems(page, problems);

    // The front desk fills in the demographics; the server refuses a malformed phone at its field.
    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.front_desk);
    let record = await openRecord(page);
    const form = record.getByRole('form', { name: 'Demographics and contacts' });
    await form.getByLabel('Sex at birth').selectOption('female');
    await form.getByLabel('Preferred name').fill('Mae');
    await form.getByLabel('Phone', { exact: true }).fill('call me at home');
    await form.getByLabel('Escort name').fill('Tom Okafor');
    await form.getByLabel('Escort phone').fill('555 123 4567');
    assert.equal(await posted(page, '/demographics', () => form.getByRole('button', { name: 'Save demographics' }).click()), 400);
    await form.getByRole('alert').filter({ hasText: 'Enter a phone number using digits' }).waitFor();
    assert.equal(await form.getByLabel('Phone', { exact: true }).getAttribute('aria-invalid'), 'true');
    await form.getByLabel('Phone', { exact: true }).fill('+44 20 7946-0958');
    assert.equal(await posted(page, '/demographics', () => form.getByRole('button', { name: 'Save demographics' }).click()), 200);
    await form.getByText('Saved 5 changes.').waitFor();
    assert.equal(await form.getByLabel('Phone', { exact: true }).inputValue(), '+442079460958');
    await page.getByText('Prefers to be called Mae').waitFor();
    assert.equal(await record.getByRole('form', { name: 'Add allergy' }).count(), 0, 'the front desk does not record clinical entries');
    await signOut(page);

    // The nurse weighs and measures her, records an allergy and an ECG.
    await signIn(page, DEMO_USERS.nurse);
    record = await openRecord(page);
    const measurement = record.getByRole('form', { name: 'Add measurement' });
    await measurement.getByLabel('Weight (kg)').fill('72.5');
    assert.equal(await posted(page, '/measurements', () => measurement.getByRole('button', { name: 'Add measurement' }).click()), 201);
    await measurement.getByLabel('Measurement').selectOption('height');
    await measurement.getByLabel('Height (cm)').fill('170');
    assert.equal(await posted(page, '/measurements', () => measurement.getByRole('button', { name: 'Add measurement' }).click()), 201);
    await record.locator('.measurements-table tbody tr').nth(1).waitFor();
    assert.match(await record.locator('.latest-measurements').innerText(), /72\.5 kg on \d{4}-\d\d-\d\d[\s\S]*170 cm on/);

    const allergy = record.getByRole('form', { name: 'Add allergy' });
    await allergy.getByLabel('Substance').fill('Penicillin');
    await allergy.getByLabel('Reaction').fill('Hives');
    assert.equal(await posted(page, '/allergies', () => allergy.getByRole('button', { name: 'Add allergy' }).click()), 201);
    await page.locator('.safety-flags').getByText('Allergy: Penicillin').waitFor();

    const baseline = record.getByRole('form', { name: 'Add baseline test' });
    await baseline.getByLabel('Test').selectOption('ecg');
    await baseline.getByLabel('Result').fill('Sinus rhythm, QTc 410 ms');
    assert.equal(await posted(page, '/baseline-tests', () => baseline.getByRole('button', { name: 'Add baseline test' }).click()), 201);
    await record.locator('.baseline-tests-table').getByText('Sinus rhythm, QTc 410 ms').waitFor();

    // A weight typed in pounds and an allergy put on the wrong chart are marked
    // entered in error: kept, struck through with the reason, and no longer counted.
    await measurement.getByLabel('Measurement').selectOption('weight');
    await measurement.getByLabel('Weight (kg)').fill('159.8');
    assert.equal(await posted(page, '/measurements', () => measurement.getByRole('button', { name: 'Add measurement' }).click()), 201);
    await record.locator('.latest-measurements').getByText(/159\.8 kg/).waitFor();
    await record.getByRole('button', { name: /Entered in error for 159\.8 kg/ }).click();
    const markWeight = page.getByRole('dialog', { name: /Mark the weight of/ });
    await markWeight.getByLabel('Reason').fill('Typed in pounds');
    assert.equal(await posted(page, /\/entered-in-error$/, () => markWeight.getByRole('button', { name: 'Mark entered in error' }).click()), 200);
    await record.locator('.measurements-table .entered-in-error-note').getByText(/by nurse@demo\.test: Typed in pounds/).waitFor();
    assert.match(await record.locator('.latest-measurements').innerText(), /72\.5 kg on/, 'the weight entered in error is not the latest');
    await record.locator('.measurements-table tr.entered-in-error s').getByText('159.8 kg').waitFor();

    await allergy.getByLabel('Substance').fill('Latex');
    assert.equal(await posted(page, '/allergies', () => allergy.getByRole('button', { name: 'Add allergy' }).click()), 201);
    await page.locator('.safety-flags').getByText('Allergy: Latex').waitFor();
    await record.getByRole('button', { name: 'Entered in error for Latex' }).click();
    const markAllergy = page.getByRole('dialog', { name: /Mark the allergy to Latex/ });
    await markAllergy.getByLabel('Reason').fill("Another patient's allergy");
    assert.equal(await posted(page, /\/entered-in-error$/, () => markAllergy.getByRole('button', { name: 'Mark entered in error' }).click()), 200);
    await record.locator('.allergies .entered-in-error-note').getByText(/Another patient's allergy/).waitFor();
    assert.ok(!(await headerBadges(page)).includes('Allergy: Latex'), 'an allergy entered in error raises no flag');

    // "Pregnant: no" on the History tab shows with its date on the Record tab.
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('group', { name: /^Pregnant/ }).getByRole('radio', { name: 'No', exact: true }).check();
    assert.equal(await posted(page, '/history', () => page.getByRole('button', { name: 'Save answers' }).click()), 200);
    await page.getByRole('tab', { name: 'Record' }).click();
    assert.match(await record.locator('.pregnancy-status').innerText(), /Pregnant\s+No — recorded \d{4}-\d\d-\d\d by nurse@demo\.test/);
    assert.ok((await headerBadges(page)).includes('Allergy: Penicillin'));
    await page.screenshot({ path: screenshotPath('patient-record.png'), fullPage: true });
    await signOut(page);

    // The therapist reads the record, with no form to change it.
    await signIn(page, DEMO_USERS.therapist);
    record = await openRecord(page);
    assert.match(await record.locator('.demographics-facts').innerText(), /Escort or driver home\s+Tom Okafor, 5551234567/);
    assert.equal(await record.locator('form').count(), 0);
    assert.match(await record.locator('.allergies').innerText(), /Penicillin — Hives/);

    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
