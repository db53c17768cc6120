// Story: a nurse sends a demo patient a PHQ-9 link (through the API, as the chart's
// "Send questionnaire" would); on a phone the patient opens it without signing in,
// answers the nine questions (some with the keyboard only: Tab, Space, arrow keys,
// Enter), closes and reopens the page mid-way and resumes where they left off,
// changes an answer from the review, submits with question 9 answered above 0, and
// sees the clinic's crisis message before the thank-you. A prescriber then opens
// the patient's chart on a desktop, the Measures tab, and finds the PHQ-9 total in
// the scores table beside the chart. Reopening the link says it has been completed.
// Runs the real server binary and Debian's Chromium. Needs `npm run build`
// (web/dist) and build/test/ketaclinic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import { DESKTOP, PHONE, apiSignIn, assertBuilt, hasFocus, launchChromium, openPage, posted, screenshotPath, signIn, watchProblems } from './browser.mjs';

const PATIENT = { given: 'Jonas', family: 'Lindqvist' }; // a demo patient
const PATIENT_NAME = `${PATIENT.family}, ${PATIENT.given}`;
const CHOICES = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

/** One API call as the signed-in nurse (bearer token); returns { status, json }. */
async function nurseCall(server, token, method, path, body) {
  const response = await fetch(server.url + '/api/v1' + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** Waits for "Question n of 9" and returns the current question's heading. */
async function atQuestion(page, n) {
  await page.locator('.q-count', { hasText: `Question ${n} of 9` }).waitFor();
  return page.locator('legend h2');
}

/** Chooses an answer by tapping it, then presses the forward button; waits for the save. */
async function tapAnswer(page, choice, forward = 'Next') {
  await page.getByRole('radio', { name: choice, exact: true }).check();
  assert.equal(await posted(page, '/answers', () => page.getByRole('button', { name: forward, exact: true }).click()), 200);
}

test('a patient completes a PHQ-9 from a link on a phone, sees the crisis message; a prescriber sees the score', { timeout: 180_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    // The nurse finds the patient and creates a PHQ-9 link for them.
    const { token: nurseToken } = await apiSignIn(server, DEMO_USERS.nurse);
    const found = await nurseCall(server, nurseToken, 'GET', `/patients?q=${encodeURIComponent(PATIENT.family)}`);
    assert.equal(found.status, 200);
    const patientId = found.json.items.find((p) => p.family_name === PATIENT.family)?.id;
    assert.match(patientId ?? '', /^pat_/);
    const created = await nurseCall(server, nurseToken, 'POST', `/patients/${encodeURIComponent(patientId)}/questionnaire-links`, { instruments: ['phq9'] });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const { path, token } = created.json;
    assert.match(path, new RegExp(`^/q/[^/]+/${token.replace(/[-_]/g, '\\$&')}$`));

    browser = await launchChromium();
    const problems = [];

    // The patient opens the link on a phone. It never asks who is signed in and never names them.
    const phone = await openPage(browser, PHONE);
    watchProblems(phone, problems);
    const apiCalls = [];
    phone.on('request', (r) => { const p = new URL(r.url()).pathname; if (p.startsWith('/api/')) apiCalls.push(`${r.method()} ${p}`); });
    await phone.goto(server.url + path);
    await phone.getByRole('heading', { name: 'Patient Health Questionnaire (PHQ-9)', level: 1 }).waitFor();
    assert.equal(await phone.title(), 'Questionnaire · Demo Clinic');
    await atQuestion(phone, 1);
    const progress = phone.getByRole('progressbar');
    assert.equal(await progress.getAttribute('aria-valuenow'), '1');
    assert.equal(await progress.getAttribute('aria-valuemax'), '9');
    await phone.getByText('Over the last 2 weeks', { exact: false }).first().waitFor();
    const group = phone.getByRole('group', { name: 'Little interest or pleasure in doing things' });
    assert.deepEqual(await group.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.labels[0].textContent)), CHOICES);
    const optionBox = await group.locator('label.q-option').first().boundingBox();
    assert.ok(optionBox && optionBox.height >= 44, `answer targets are at least 44px tall (${optionBox?.height})`);
    assert.ok(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), 'nothing wider than the phone');
    assert.doesNotMatch(await phone.locator('body').innerText(), new RegExp(PATIENT.family));

    // Next without an answer says what is needed, at the question.
    await phone.getByRole('button', { name: 'Next' }).click();
    await group.getByText('Choose an answer to continue.').waitFor();
    await phone.screenshot({ path: screenshotPath('questionnaire-phone.png'), fullPage: true });

    // Question 1 by tapping; each Next saves and puts focus on the next question.
    await tapAnswer(phone, 'Several days');
    assert.ok(await hasFocus(await atQuestion(phone, 2)), 'focus is on question 2');

    // Question 2 with the keyboard only: Tab into the answers, Space, arrow keys, Enter.
    await phone.keyboard.press('Tab');
    assert.ok(await hasFocus(phone.getByRole('radio', { name: 'Not at all' })), 'Tab reaches the first answer');
    await phone.keyboard.press('Space');
    await phone.keyboard.press('ArrowDown');
    assert.ok(await phone.getByRole('radio', { name: 'Several days' }).isChecked(), 'the arrow key chooses the next answer');
    await phone.keyboard.press('ArrowDown');
    await phone.keyboard.press('ArrowUp');
    assert.ok(await phone.getByRole('radio', { name: 'Several days' }).isChecked());
    assert.equal(await posted(phone, '/answers', () => phone.keyboard.press('Enter')), 200);
    assert.ok(await hasFocus(await atQuestion(phone, 3)), 'Enter pressed Next; focus is on question 3');

    // Back shows the answer already given; Next again.
    await phone.getByRole('button', { name: 'Back' }).click();
    await atQuestion(phone, 2);
    assert.ok(await phone.getByRole('radio', { name: 'Several days' }).isChecked());
    await phone.getByRole('button', { name: 'Next' }).click();
    await atQuestion(phone, 3);

    await tapAnswer(phone, 'Nearly every day'); // 3
    await tapAnswer(phone, 'More than half the days'); // 4

    // The patient closes the page and opens the link again: it resumes at question 5.
    await phone.reload();
    await atQuestion(phone, 5);
    await phone.getByRole('button', { name: 'Back' }).click();
    await atQuestion(phone, 4);
    assert.ok(await phone.getByRole('radio', { name: 'More than half the days' }).isChecked(), 'the saved answer is restored');
    await phone.getByRole('button', { name: 'Next' }).click();
    await atQuestion(phone, 5);

    await tapAnswer(phone, 'Not at all'); // 5
    await tapAnswer(phone, 'Several days'); // 6
    // Question 7 with the keyboard again: Tab, then arrow keys from the first answer.
    assert.ok(await hasFocus(await atQuestion(phone, 7)));
    await phone.keyboard.press('Tab');
    await phone.keyboard.press('ArrowDown');
    await phone.keyboard.press('ArrowDown');
    assert.ok(await phone.getByRole('radio', { name: 'More than half the days' }).isChecked());
    assert.equal(await posted(phone, '/answers', () => phone.keyboard.press('Enter')), 200);
    await atQuestion(phone, 8);
    await tapAnswer(phone, 'Not at all'); // 8
    await atQuestion(phone, 9);
    await tapAnswer(phone, 'Several days', 'Review answers'); // 9: thoughts of self-harm on several days

    // The review lists every answer; the patient changes question 1.
    const review = phone.getByRole('heading', { name: 'Check your answers' });
    await review.waitFor();
    assert.ok(await hasFocus(review), 'focus is on the review');
    const reviewed = () => phone.locator('.q-review-answer').allInnerTexts();
    assert.deepEqual(await reviewed(), ['Several days', 'Several days', 'Nearly every day', 'More than half the days', 'Not at all', 'Several days', 'More than half the days', 'Not at all', 'Several days']);
    await phone.getByRole('button', { name: 'Change answer to question 1' }).click();
    await atQuestion(phone, 1);
    await tapAnswer(phone, 'More than half the days', 'Save and review');
    await review.waitFor();
    assert.equal((await reviewed())[0], 'More than half the days');
    const total = 2 + 1 + 3 + 2 + 0 + 1 + 2 + 0 + 1;

    // Submit: the clinic's crisis message comes first, as an alert, with focus on it.
    assert.equal(await posted(phone, '/answers', () => phone.getByRole('button', { name: 'Submit' }).click()), 200);
    const crisis = phone.locator('.q-crisis');
    await crisis.waitFor();
    assert.equal(await crisis.getAttribute('role'), 'alert');
    assert.ok((await crisis.locator('.q-crisis-message').innerText()).trim().length > 0, 'the crisis message has text');
    assert.ok(await hasFocus(crisis.getByRole('heading', { name: 'Please read this now' })), 'focus is on the crisis message');
    await phone.getByText('Your answers have been sent to Demo Clinic. You can close this page.').waitFor();
    assert.deepEqual(await phone.locator('.q-crisis, .q-done').evaluateAll((found) => found.map((e) => e.className)), ['q-crisis', 'panel confirmation q-done'], 'the crisis message comes before the thank-you');
    await phone.screenshot({ path: screenshotPath('questionnaire-crisis-phone.png'), fullPage: true });
    assert.ok(apiCalls.every((call) => call.includes('/api/v1/public/clinics/')), `only public calls: ${apiCalls.join(', ')}`);
    assert.ok(!apiCalls.some((call) => call.includes('/auth/')));
    assert.equal(await phone.evaluate('localStorage.length'), 0, 'nothing kept in localStorage');

    // A prescriber opens the chart's Measures tab on a desktop and finds the score.
    const desk = await openPage(browser, DESKTOP);
    watchProblems(desk, problems);
    await desk.goto(server.url + '/');
    await signIn(desk, DEMO_USERS.prescriber, DEMO_PASSWORD);
    await desk.getByRole('link', { name: 'Patients' }).click();
    await desk.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await desk.getByRole('link', { name: PATIENT_NAME }).click();
    await desk.getByRole('heading', { name: PATIENT_NAME, level: 1 }).waitFor();
    await desk.getByRole('tab', { name: 'Measures' }).click();
    // The PHQ-9 section: its heading, the scores table (caption "PHQ-9 scores") and the uPlot chart.
    const heading = desk.getByRole('heading', { name: 'PHQ-9', exact: true });
    await heading.waitFor();
    const section = heading.locator('xpath=ancestor::section[1]');
    const scores = section.getByRole('table', { name: 'PHQ-9 scores' });
    await scores.waitFor();
    await scores.getByRole('cell', { name: String(total), exact: true }).first().waitFor();
    const chart = section.locator('[aria-label="PHQ-9 scores over time"]');
    await chart.waitFor();
    await chart.locator('canvas').first().waitFor({ state: 'attached' });
    assert.ok(await chart.locator('canvas').count() >= 1, 'the uPlot chart has drawn its canvas');
    await desk.screenshot({ path: screenshotPath('questionnaire-measures-desktop.png'), fullPage: true });

    // The link is used up: opening it again says so.
    await phone.goto(server.url + path);
    await phone.getByRole('heading', { name: 'These questionnaires have already been completed.' }).waitFor();
    assert.equal(await phone.locator('form').count(), 0);

    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
