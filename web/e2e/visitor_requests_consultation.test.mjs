// Story: a visitor asks for a consultation from a phone, without signing in; the
// front desk finds the request in the enquiry queue, marks it contacted, then
// booked, registers the person as a patient and opens their chart; a nurse sees
// the enquiry, with the chart link, but cannot change it. Runs the real server
// binary and Debian's Chromium. Needs `npm run build` (web/dist) and
// build/test/ketaclinic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import {
  DESKTOP, PHONE, assertBuilt, demoClinicId, launchChromium, navLinks, openPage, screenshotPath, signIn, signOut, watchProblems, hasFocus } from './browser.mjs';

const VISITOR = { given: 'Vera', family: `Quill-${Date.now().toString(36)}`, email: 'vera.quill@example.org', phone: '+44 20 7946 0958' };

async function openEnquiries(page) {
  await page.getByRole('link', { name: 'Enquiries' }).click();
  await page.getByRole('heading', { name: 'Enquiries', level: 1 }).waitFor();
}

test('a visitor requests a consultation on a phone; the front desk moves it on and registers them; a nurse only reads it', { timeout: 120_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    const clinicId = await demoClinicId(server);
    const printed = server.output().match(/Public consultation request page: (\S+)/);
    if (printed) assert.equal(new URL(printed[1]).pathname, `/request/${clinicId}`);
    browser = await launchChromium();
    const problems = [];

    // The visitor opens the public page on a phone. It never asks who is signed in.
    const visitor = await openPage(browser, PHONE);
    watchProblems(visitor, problems);
    const apiCalls = [];
    visitor.on('request', (r) => { const path = new URL(r.url()).pathname; if (path.startsWith('/api/')) apiCalls.push(`${r.method()} ${path}`); });
    await visitor.goto(`${server.url}/request/${clinicId}`);
    await visitor.getByRole('heading', { name: 'Request a consultation' }).waitFor();
    assert.equal(await visitor.getByRole('textbox', { name: 'Website' }).count(), 0, 'the honeypot is hidden from assistive technology');

    // Sending too early: the problems are shown and focus lands on the first.
    await visitor.getByRole('button', { name: 'Send request' }).click();
    await visitor.getByText('Enter a given name.').waitFor();
    assert.ok(await hasFocus(visitor.getByLabel('Given name')), 'focus is on Given name');

    await visitor.getByLabel('Given name').fill(VISITOR.given);
    await visitor.getByLabel('Family name').fill(VISITOR.family);
    await visitor.getByRole('textbox', { name: 'E-mail', exact: true }).fill(VISITOR.email);
    await visitor.getByRole('textbox', { name: 'Phone', exact: true }).fill(VISITOR.phone);
    await visitor.getByRole('radio', { name: 'Text message' }).check();
    await visitor.getByRole('checkbox', { name: 'Anxiety' }).check();
    await visitor.getByLabel("Anything else you'd like us to know (optional)").fill('Weekday evenings are easiest for me.');
    await visitor.getByLabel('How did you hear about us? (optional)').fill('My GP');
    await visitor.getByRole('checkbox', { name: /^I agree that .+ may contact me about this request\.$/ }).check();
    await visitor.screenshot({ path: screenshotPath('consultation-request-phone.png'), fullPage: true });

    const sent = visitor.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/consultation-requests'));
    await visitor.getByRole('button', { name: 'Send request' }).click();
    assert.equal((await sent).status(), 202);
    await visitor.getByRole('heading', { name: 'Request sent' }).waitFor();
    assert.ok(await hasFocus(visitor.locator('.confirmation')), 'focus is on the confirmation');
    await visitor.screenshot({ path: screenshotPath('consultation-request-received-phone.png') });
    assert.deepEqual(apiCalls, [`GET /api/v1/public/clinics/${clinicId}`, `POST /api/v1/public/clinics/${clinicId}/consultation-requests`]);
    assert.equal(await visitor.evaluate('localStorage.length'), 0, 'nothing kept in localStorage');

    // The front desk finds the new request and moves it on.
    const page = await openPage(browser, DESKTOP);
    watchProblems(page, problems);
    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.front_desk, DEMO_PASSWORD);
    assert.deepEqual(await navLinks(page), ['Patients', 'Calendar', 'Enquiries', 'Waiting lists', 'Consent library']);
    await openEnquiries(page);
    const row = page.locator('tbody tr', { hasText: VISITOR.family });
    await row.waitFor();
    // The condition labels arrive with the clinic's public details, which may land
    // after the queue itself: wait for the label before reading the row.
    await row.getByText('Anxiety', { exact: true }).waitFor();
    assert.match(await row.innerText(), /Text message\s+Anxiety\s+Web\s+New\s+0/);
    assert.match(await page.getByLabel('Public request link').inputValue(), new RegExp(`/request/${clinicId}$`));

    await row.getByRole('button', { name: `${VISITOR.family}, ${VISITOR.given}` }).click();
    const detail = page.locator('.enquiry-detail');
    await detail.getByRole('heading', { name: `${VISITOR.family}, ${VISITOR.given}` }).waitFor();
    await detail.getByText('Weekday evenings are easiest for me.').waitFor();
    await detail.getByRole('button', { name: 'Mark contacted' }).click();
    await row.locator('.badge', { hasText: /^Contacted$/ }).waitFor();
    await detail.getByRole('button', { name: 'Mark consultation booked' }).click();
    await row.locator('.badge', { hasText: /^Consultation booked$/ }).waitFor();
    await detail.locator('.enquiry-history li', { hasText: 'Consultation booked' }).waitFor();
    const history = await detail.locator('.enquiry-history li').allInnerTexts();
    assert.equal(history.length, 3, `history: ${history.join(' | ')}`);
    assert.ok(history.slice(1).every((line) => line.includes(DEMO_USERS.front_desk)), `history: ${history.join(' | ')}`);
    assert.equal(await detail.getByRole('button', { name: 'Mark consultation booked' }).count(), 0);
    await page.screenshot({ path: screenshotPath('enquiries.png'), fullPage: true });

    // The front desk registers the person as a patient. A date in the future is refused
    // by the server, next to the field; a real one registers them and links to the chart.
    const register = detail.getByRole('form', { name: 'Register as patient' });
    const dateOfBirth = register.getByLabel('Date of birth');
    assert.equal(await dateOfBirth.getAttribute('type'), 'date');
    await dateOfBirth.fill('2999-01-01');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/register'));
    await register.getByRole('button', { name: 'Register as patient' }).click();
    assert.equal((await refused).status(), 400);
    await register.locator('.field-error').waitFor();
    assert.equal(await dateOfBirth.getAttribute('aria-invalid'), 'true');
    assert.equal(await detail.getByRole('link', { name: /chart/ }).count(), 0);

    await dateOfBirth.fill('1984-06-02');
    const registered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/register'));
    await register.getByRole('button', { name: 'Register as patient' }).click();
    const registeredResponse = await registered;
    assert.equal(registeredResponse.status(), 201);
    const { patient_id: patientId } = await registeredResponse.json();
    assert.match(patientId, /^pat_/);
    await detail.getByText('Registered as a patient').waitFor();
    assert.equal(await detail.getByRole('button', { name: 'Register as patient' }).count(), 0);
    const chartLink = detail.getByRole('link', { name: `Open the chart of ${VISITOR.given} ${VISITOR.family}` });
    assert.equal(await chartLink.getAttribute('href'), `/patients/${patientId}`);
    await chartLink.click();
    await page.waitForURL(`${server.url}/patients/${patientId}`);
    const chartHeader = page.locator('.chart-header');
    await chartHeader.getByRole('heading', { name: `${VISITOR.family}, ${VISITOR.given}`, level: 1 }).waitFor();
    assert.match(await chartHeader.innerText(), /1984-06-02/);
    await page.screenshot({ path: screenshotPath('enquiry-registered-chart.png'), fullPage: true });
    await signOut(page);

    // A nurse sees the booked enquiry but no way to change it.
    await signIn(page, DEMO_USERS.nurse, DEMO_PASSWORD);
    await openEnquiries(page);
    await row.waitFor();
    assert.match(await row.innerText(), /Consultation booked/);
    await row.getByRole('button', { name: `${VISITOR.family}, ${VISITOR.given}` }).click();
    await detail.getByRole('heading', { name: `${VISITOR.family}, ${VISITOR.given}` }).waitFor();
    await detail.getByText('Weekday evenings are easiest for me.').waitFor();
    assert.equal(await page.getByRole('button', { name: /^(Mark |Close enquiry|Add phone enquiry)/ }).count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Add phone enquiry' }).count(), 0);
    await detail.getByRole('link', { name: `Open the chart of ${VISITOR.given} ${VISITOR.family}` }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Register as patient' }).count(), 0);
    assert.equal(await page.getByLabel('Date of birth').count(), 0);

    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
