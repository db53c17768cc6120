// Story: a nurse enters a baseline PHQ-9 for a demo patient on the chart's
// Measures tab, then a later one with question 9 ("better off dead or of hurting
// yourself") above 0; the answers raise a risk signal and a high-priority task.
// The prescriber sees the task counted on the Inbox link, opens it, and
// acknowledges it with the action taken; the count goes. The chart then shows both
// scores, in the table and drawn on the canvas. Runs the real server binary and
// Debian's Chromium. Needs `npm run build` (web/dist) and build/test/ketaclinic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import { DESKTOP, assertBuilt, hasFocus, launchChromium, openPage, posted, screenshotPath, signIn, signOut, watchProblems } from './browser.mjs';

const PATIENT = 'Okafor, Maya'; // a demo patient
const ACTION = 'Phoned the patient; safety plan reviewed; no current intent; seen tomorrow.';

/** From the Patients list to the patient's chart, on the Measures tab. */
async function openMeasures(page) {
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
  await page.getByRole('link', { name: PATIENT }).click();
  await page.getByRole('heading', { name: PATIENT, level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'Measures' }).click();
  return page.getByRole('tabpanel', { name: 'Measures' });
}

/** Enters a PHQ-9: `answer` to questions 1–8, `question9` to question 9; submits; returns the result box. */
async function recordPhq9(panel, answer, question9) {
  const form = panel.getByRole('region', { name: 'Record answers' });
  await form.getByLabel('Questionnaire').selectOption('phq9');
  await form.getByRole('heading', { name: 'Patient Health Questionnaire (PHQ-9)' }).waitFor();
  for (let q = 1; q <= 9; q++) {
    const group = form.getByRole('group', { name: new RegExp(`^${q}\\. `) });
    await group.getByRole('radio', { name: q === 9 ? question9 : answer, exact: true }).check();
  }
  await form.getByText('9 of 9 answered').waitFor();
  assert.equal(await posted(panel.page(), '/responses', () => form.getByRole('button', { name: 'Submit', exact: true }).click()), 201);
  const result = form.locator('.record-result');
  await result.waitFor();
  return result;
}

test('a nurse records two PHQ-9s, one with a risk signal; the prescriber acknowledges the task and reviews the trajectory', { timeout: 180_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium();
    const problems = [];
    const page = await openPage(browser, DESKTOP);
    watchProblems(page, problems);

    // The nurse enters the baseline PHQ-9: moderately severe, question 9 "Not at all".
    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.nurse, DEMO_PASSWORD);
    const panel = await openMeasures(page);
    await panel.getByText('No submitted questionnaires yet.', { exact: false }).waitFor();
    const baseline = await recordPhq9(panel, 'More than half the days', 'Not at all');
    assert.equal(await baseline.getAttribute('role'), 'status');
    assert.equal(await baseline.innerText(), 'Submitted PHQ-9: total 16 (Moderately severe).');
    assert.ok(await hasFocus(baseline), 'focus moves to the result');

    // A later PHQ-9 with question 9 above 0: the risk signal and the task are shown at once.
    const later = await recordPhq9(panel, 'Several days', 'Several days');
    assert.equal(await later.getAttribute('role'), 'alert');
    const laterText = await later.innerText();
    assert.match(laterText, /^Submitted PHQ-9: total 9 \(Mild\)\./);
    assert.match(laterText, /PHQ-9 question 9 .* answered "Several days"\./);
    assert.match(laterText, /A high-priority task was raised/);
    const rows = panel.locator('.responses-table tbody tr');
    await rows.nth(1).waitFor(); // the table is read again after the result shows
    assert.equal(await rows.count(), 2);
    assert.match(await rows.first().innerText(), /PHQ-9.*Submitted.*nurse@demo\.test.*9 \(Mild\)/s);
    await signOut(page);

    // The prescriber sees the open task counted on the Inbox link, spoken in words.
    await signIn(page, DEMO_USERS.prescriber, DEMO_PASSWORD);
    const inboxLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox, 1 open task', exact: true });
    await inboxLink.waitFor();
    assert.equal(await inboxLink.innerText(), 'Inbox (1)');
    await inboxLink.click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    const card = page.locator('.task-card', { hasText: PATIENT });
    await card.waitFor();
    assert.match(await card.locator('.task-reasons').innerText(), /PHQ-9 question 9 .* answered "Several days"\./);
    assert.match(await card.locator('.escalation-time').innerText(), /^Escalates in \d+ min$/);
    assert.match(await card.locator('.task-facts').innerText(), /For\s+Any prescriber/);
    await page.screenshot({ path: screenshotPath('inbox.png'), fullPage: true });

    // Acknowledging needs the action taken.
    await card.getByRole('button', { name: `Acknowledge the task for ${PATIENT}` }).click();
    const dialog = page.getByRole('dialog', { name: `Acknowledge: ${PATIENT}` });
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Describe what was done' }).waitFor();
    assert.ok(await hasFocus(dialog.getByLabel('Action taken')), 'focus is on the action');
    await dialog.getByLabel('Action taken').fill(ACTION);
    assert.equal(await posted(page, /\/tasks\/[^/]+\/acknowledge$/, () => dialog.getByRole('button', { name: 'Acknowledge' }).click()), 200);
    await page.getByText(`Acknowledged the task for ${PATIENT}.`).waitFor();
    await page.getByText('Nothing to acknowledge.', { exact: false }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox, no open tasks' }).waitFor();
    await page.getByLabel('Show acknowledged tasks too').check();
    await card.locator('.task-action').getByText(ACTION, { exact: false }).waitFor();

    // The chart shows both scores: in the table, and drawn on the canvas.
    const measures = await openMeasures(page);
    const phq9 = measures.getByRole('region', { name: 'PHQ-9', exact: true });
    await phq9.waitFor();
    assert.match(await phq9.locator('.outcome-summary').innerText(), /Baseline\s+16 on .*Latest\s+9 \(Mild\) on .*Change\s+\u22127 points \(\u221243\.8%\)/s);
    const figure = phq9.getByRole('figure', { name: 'PHQ-9 scores over time' });
    const table = figure.getByRole('table', { name: 'PHQ-9 scores' });
    assert.deepEqual(await table.locator('tbody td:first-of-type').allInnerTexts(), ['16', '9']);
    const canvas = figure.locator('canvas');
    await canvas.waitFor();
    const drawn = await canvas.evaluate((c) => {
      const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) inked++;
      return { width: c.width, inked };
    });
    assert.ok(drawn.width > 200 && drawn.inked > 1000, `the chart is drawn (${JSON.stringify(drawn)})`);
    await page.screenshot({ path: screenshotPath('measures-tab.png'), fullPage: true });

    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
