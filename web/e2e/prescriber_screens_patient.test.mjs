// Story: a nurse documents a demo patient's history (one answer is an exclusion:
// aneurysmal vascular disease), a recurrent severe depression and two failed
// antidepressant trials; the prescriber opens Screening, sees the exclusion beside
// the fact that triggered it, is asked for an override reason, and records
// "eligible" with one; the header shows the status and the override. Then the nurse
// adds a benzodiazepine and the header asks for re-screening. Runs the real server
// binary and Debian's Chromium. Needs `npm run build` (web/dist) and
// build/test/ketaclinic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import {
  DESKTOP, apiSignIn, assertBuilt, headerBadges, launchChromium, openPage, posted, screenshotPath, signIn, signOut, watchProblems, hasFocus } from './browser.mjs';

const PATIENT = 'Okafor, Maya'; // a demo patient
const OVERRIDE_REQUIRED = 'Enter why treatment may go ahead despite the exclusion.';

/** From the Patients list to the patient's chart; returns the patient id from the address. */
async function openChart(page, name) {
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'History' }).waitFor();
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
}

/** Answers one history question, found by the start of its label. */
async function answer(page, questionStart, value) {
  await page.getByRole('group', { name: new RegExp(`^${questionStart}`) }).getByRole('radio', { name: value, exact: true }).check();
}

test('a nurse documents the history; the prescriber overrides an exclusion; a benzodiazepine asks for re-screening', { timeout: 180_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium();
    const problems = [];
    const page = await openPage(browser, DESKTOP);
    watchProblems(page, problems);

    // The nurse opens the patient: not screened, history incomplete.
    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.nurse, DEMO_PASSWORD);
    const patientId = await openChart(page, PATIENT);
    assert.match(await page.locator('.chart-summary').innerText(), /Date of birth\s+1986-03-14/);
    assert.deepEqual(await headerBadges(page), ['Not screened', 'History incomplete']);
    assert.equal(await page.getByRole('button', { name: 'Record decision' }).count(), 0);

    // She answers several questions, one of them an exclusion, and saves.
    await answer(page, 'Aneurysmal vascular disease', 'Yes');
    await answer(page, 'Arteriovenous malformation', 'No');
    await answer(page, 'History of intracerebral haemorrhage', 'No');
    await answer(page, 'Hypersensitivity to ketamine', 'No');
    await answer(page, 'Pregnant', 'No');
    await answer(page, 'Psychosis now or in the past', 'Unknown'); // unchanged: not sent
    await page.getByText('5 answers changed, not saved yet.').waitFor();
    const saveRequest = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/history'));
    assert.equal(await posted(page, '/history', () => page.getByRole('button', { name: 'Save answers' }).click()), 200);
    assert.deepEqual(Object.keys((await saveRequest).postDataJSON().answers).sort(), [
      'aneurysmal_vascular_disease', 'arteriovenous_malformation', 'intracerebral_haemorrhage', 'ketamine_hypersensitivity', 'pregnant',
    ]);
    await page.getByText('Saved 5 answers.').waitFor();
    await page.getByRole('group', { name: /^Aneurysmal vascular disease/ }).getByText(/^Recorded .+ by /).waitFor();

    // A diagnosis from the pick list and two failed antidepressant trials.
    const diagnosisForm = page.getByRole('form', { name: 'Add diagnosis' });
    await diagnosisForm.getByLabel('Diagnosis (ICD-10-CM)').selectOption('F33.2');
    assert.equal(await posted(page, '/diagnoses', () => diagnosisForm.getByRole('button', { name: 'Add diagnosis' }).click()), 201);
    await page.locator('.diagnoses').getByText(/^F33\.2 — Major depressive disorder, recurrent, severe/).waitFor();
    const trialForm = page.getByRole('form', { name: 'Add trial' });
    for (const trial of [
      { drug: 'Sertraline', dose: '150 mg daily', weeks: '8', response: 'No response' },
      { drug: 'Venlafaxine', dose: '225 mg daily', weeks: '10', response: 'Partial response' },
    ]) {
      await trialForm.getByLabel('Drug').fill(trial.drug);
      await trialForm.getByLabel('Dose').fill(trial.dose);
      await trialForm.getByLabel('Weeks').fill(trial.weeks);
      await trialForm.getByLabel('Response').selectOption({ label: trial.response });
      assert.equal(await posted(page, '/trials', () => trialForm.getByRole('button', { name: 'Add trial' }).click()), 201);
      await page.locator('.chart-table tbody tr', { hasText: trial.drug }).waitFor();
    }
    assert.equal(await page.locator('section', { has: page.getByRole('heading', { name: 'Prior treatment trials' }) }).locator('tbody tr').count(), 2);
    await signOut(page);

    // The prescriber opens Screening: the exclusion, with the fact that triggered it beside it.
    await signIn(page, DEMO_USERS.prescriber, DEMO_PASSWORD);
    await openChart(page, PATIENT);
    await page.getByRole('tab', { name: 'Screening' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Screening' });
    await panel.getByRole('heading', { name: 'Findings' }).waitFor();
    assert.match(await panel.locator('.finding-exclude h3').innerText(), /^Exclusions \(1\)$/);
    const exclusion = panel.locator('.finding-exclude .finding');
    assert.match(await exclusion.locator('.reason').innerText(), /^Aneurysmal vascular disease/);
    assert.match(await exclusion.locator('.finding-facts').innerText(), /Aneurysmal vascular disease.*: yes/);
    assert.match(await exclusion.locator('.source').innerText(), /^Source: .+/);
    assert.match(await panel.locator('.finding-supports').innerText(), /Treatment-resistant depression/);
    assert.match(await panel.locator('.findings-panel').innerText(), /Rule set \S+/);

    // "Eligible" without an override reason is refused at the field, before any request...
    const decisions = [];
    const recordDecisions = (r) => { if (r.method() === 'POST' && r.url().endsWith('/eligibility-decisions')) decisions.push(r.url()); };
    page.on('request', recordDecisions);
    const form = page.getByRole('form', { name: 'Record decision' });
    await form.getByRole('radio', { name: 'Eligible', exact: true }).check();
    await form.getByText('Override: this decision goes against an exclusion.').waitFor();
    await form.getByLabel('Reason', { exact: true }).fill('Severe recurrent depression; two failed trials; benefit discussed with the patient.');
    await form.getByRole('button', { name: 'Record decision' }).click();
    await form.getByRole('alert').filter({ hasText: OVERRIDE_REQUIRED }).waitFor();
    assert.ok(await hasFocus(form.getByLabel('Override reason (required)')), 'focus is on the override reason');
    assert.deepEqual(decisions, []);
    // ...and the server refuses it too (400, field override_reason).
    const { token } = await apiSignIn(server, DEMO_USERS.prescriber);
    const refused = await fetch(`${server.url}/api/v1/patients/${encodeURIComponent(patientId)}/eligibility-decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ decision: 'eligible', reason: 'No override reason', override_reason: '' }),
    });
    assert.equal(refused.status, 400);
    assert.equal((await refused.json()).error.field, 'override_reason');

    // With the override reason, the decision is recorded and shown.
    await form.getByLabel('Override reason (required)').fill('Aneurysm repaired in 2019; the vascular surgeon agrees; blood pressure monitored every session.');
    assert.equal(await posted(page, '/eligibility-decisions', () => form.getByRole('button', { name: 'Record decision' }).click()), 201);
    page.off('request', recordDecisions);
    await form.getByText('Recorded: Eligible, overriding an exclusion.').waitFor();
    const latest = panel.locator('.latest-decision');
    await latest.getByText('Aneurysm repaired in 2019', { exact: false }).waitFor();
    assert.match(await latest.innerText(), /Decided\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d by .+/);
    assert.deepEqual((await headerBadges(page)).slice(0, 2), ['Eligible', 'Override']);
    await page.screenshot({ path: screenshotPath('screening.png'), fullPage: true });
    await signOut(page);

    // The nurse adds a benzodiazepine: the header flags it and asks for re-screening.
    await signIn(page, DEMO_USERS.nurse, DEMO_PASSWORD);
    await openChart(page, PATIENT);
    assert.deepEqual((await headerBadges(page)).slice(0, 2), ['Eligible', 'Override']);
    const medicationForm = page.getByRole('form', { name: 'Add medication' });
    await medicationForm.getByLabel('Medication name').fill('Lorazepam');
    await medicationForm.getByLabel('Class').selectOption('benzodiazepine');
    await medicationForm.getByLabel('Dose').fill('1 mg at night');
    assert.equal(await posted(page, '/medications', () => medicationForm.getByRole('button', { name: 'Add medication' }).click()), 201);
    await page.locator('.chart-header').getByText('Re-screening needed').waitFor();
    await page.locator('.safety-flags').getByText('Benzodiazepine', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Screening' }).click();
    await panel.locator('.rescreen-warning').waitFor();
    assert.match(await panel.locator('.rescreen-warning').innerText(), /^Re-screening needed\. .+/);
    // The new interaction leads Needs review; questions not yet asked come after it.
    assert.match(await panel.locator('.finding-needs_review .finding').first().innerText(), /benzodiazepine/);
    assert.match(await panel.locator('.finding-needs_review .not-yet-asked').innerText(), /^Not yet asked \(\d+\)$/);
    await page.screenshot({ path: screenshotPath('screening-rescreen.png'), fullPage: true });

    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
