// Story: the admin creates a program with no places yet; a visitor joins its
// waiting list from the public page on a phone; the front desk adds a caller; a
// nurse marks the caller urgent; the admin raises the places to one, and the
// urgent caller is offered the place at once, with an expiry time; the front desk
// records the caller's decline, and the place passes to the visitor. Runs the real
// server binary and Debian's Chromium. Needs `npm run build` (web/dist) and
// build/test/ketaclinic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import {
  DESKTOP, PHONE, assertBuilt, demoClinicId, launchChromium, navLinks, openPage, posted, screenshotPath, signIn, signOut, watchProblems, hasFocus } from './browser.mjs';

const RUN = Date.now().toString(36);
const PROGRAM = `Evening intake ${RUN}`;
const VISITOR = { given: 'Vera', family: `Quill-${RUN}`, email: 'vera.quill@example.org' };
const CALLER = { given: 'Sam', family: `Okoro-${RUN}`, phone: '+44 20 7946 0411' };
const URGENT_REASON = 'Worsening symptoms; the prescriber asked for priority.';
const OFFER_HOURS = 48;

/** Opens Waiting lists and waits for the program's list to be read. */
async function openWaitingLists(page) {
  const listed = page.waitForResponse((r) => r.request().method() === 'GET' && /\/entries\?status=active$/.test(r.url()));
  await page.getByRole('link', { name: 'Waiting lists' }).click();
  await page.getByRole('heading', { name: 'Waiting lists', level: 1 }).waitFor();
  await page.getByRole('heading', { name: PROGRAM, level: 2, exact: true }).waitFor();
  assert.equal((await listed).status(), 200);
}

const card = (page, person) => page.locator('li.waiting-entry', { hasText: person.family });
const cardOrder = async (page) => (await page.locator('li.waiting-entry h3').allInnerTexts()).map((name) => name.split(',')[0]);

/** Waits until the person's status badge reads `label`. */
async function statusIs(page, person, label) {
  await card(page, person).locator('.entry-head .badge', { hasText: new RegExp(`^${label}$`) }).waitFor();
}

/** Checks the offer's expiry shows as a time about OFFER_HOURS from now. */
async function assertOfferExpiry(page, person) {
  const time = card(page, person).locator('.offer-expiry time');
  await time.waitFor();
  assert.match(await card(page, person).locator('.offer-expiry').innerText(), /^Offer expires at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  const expires = Date.parse(await time.getAttribute('datetime'));
  const expected = Date.now() + OFFER_HOURS * 3600_000;
  assert.ok(Math.abs(expires - expected) < 10 * 60_000, `offer expires at ${new Date(expires).toISOString()}, expected about ${new Date(expected).toISOString()}`);
}

test('a visitor joins from a phone; an urgent caller gets the first place, declines, and the place passes on', { timeout: 180_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    const clinicId = await demoClinicId(server);
    browser = await launchChromium();
    const problems = [];
    const page = await openPage(browser, DESKTOP);
    watchProblems(page, problems);

    // The admin creates a program with no places yet.
    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.admin, DEMO_PASSWORD);
    assert.deepEqual(await navLinks(page), ['Patients', 'Calendar', 'Station', 'Inbox', 'Questionnaires due', 'Follow-up', 'Enquiries', 'Waiting lists', 'Consent library', 'REMS forms', 'Outcomes', 'Users', 'Audit log', 'Clinic settings']);
    await page.getByRole('link', { name: 'Waiting lists' }).click();
    await page.getByRole('heading', { name: 'Waiting lists', level: 1 }).waitFor();
    await page.getByText('No programs yet. Add one to start a waiting list.').waitFor();
    const addProgram = page.getByRole('form', { name: 'Add program' });
    await addProgram.getByLabel('Program name').fill(PROGRAM);
    await addProgram.getByLabel('Places (capacity)').fill('0');
    await addProgram.getByLabel('Offer lifetime in hours').fill(String(OFFER_HOURS));
    assert.equal(await posted(page, /\/api\/v1\/waiting-programs$/, () => addProgram.getByRole('button', { name: 'Add program' }).click()), 201);
    const programRow = page.locator('.program-table tbody tr', { hasText: PROGRAM });
    await programRow.waitFor();
    assert.match(await programRow.innerText(), /^\s*Evening intake \S+\s+0\s+0 \(full\)\s+0\s+48 hours/);
    await page.getByText('Nobody is on this list.').waitFor();
    await signOut(page);

    // A visitor joins the list from the public page on a phone, without signing in.
    const visitor = await openPage(browser, PHONE);
    watchProblems(visitor, problems);
    const apiCalls = [];
    visitor.on('request', (r) => { const path = new URL(r.url()).pathname; if (path.startsWith('/api/')) apiCalls.push(`${r.method()} ${path}`); });
    await visitor.goto(`${server.url}/request/${clinicId}`);
    await visitor.getByRole('heading', { name: 'Request a consultation' }).waitFor();
    await visitor.getByRole('link', { name: 'Join a waiting list' }).click();
    const joinForm = visitor.getByRole('form', { name: 'Join a waiting list' });
    assert.ok(await hasFocus(joinForm), 'the link moves focus to the join form');
    await joinForm.getByText(`Waiting list: ${PROGRAM}`).waitFor();
    assert.equal(await joinForm.getByRole('textbox', { name: 'Website' }).count(), 0, 'the honeypot is hidden from assistive technology');

    // Sending too early: every problem shows by its field, and focus lands on the first.
    await joinForm.getByRole('button', { name: 'Join the waiting list' }).click();
    await joinForm.getByText('Enter a given name.').waitFor();
    assert.ok(await hasFocus(joinForm.getByLabel('Given name')), 'focus is on Given name');
    assert.equal(await joinForm.getByText('Choose yes, no or not sure.').count(), 3);

    await joinForm.getByLabel('Given name').fill(VISITOR.given);
    await joinForm.getByLabel('Family name').fill(VISITOR.family);
    await joinForm.getByRole('textbox', { name: 'E-mail', exact: true }).fill(VISITOR.email);
    await joinForm.getByRole('group', { name: 'How would you like us to contact you?' }).getByRole('radio', { name: 'E-mail' }).check();
    for (const question of ['Are you pregnant, or could you be?', 'Have you ever had problems with alcohol or drug use?', 'Have you been told you have high blood pressure?']) {
      await joinForm.getByRole('group', { name: question }).getByRole('radio', { name: 'No', exact: true }).check();
    }
    await joinForm.getByLabel('Your age in years (optional)').fill('41');
    await joinForm.getByRole('checkbox', { name: /^I agree that .+ may contact me about a place on this waiting list\.$/ }).check();
    await visitor.screenshot({ path: screenshotPath('waiting-list-join-phone.png'), fullPage: true });
    assert.equal(await posted(visitor, /\/waiting-lists\/[^/]+\/entries$/, () => joinForm.getByRole('button', { name: 'Join the waiting list' }).click()), 202);
    const received = visitor.locator('.confirmation', { has: visitor.getByRole('heading', { name: 'Waiting list request sent' }) });
    await received.waitFor();
    assert.ok(await hasFocus(received), 'focus is on the confirmation');
    await received.screenshot({ path: screenshotPath('waiting-list-joined-phone.png') });
    assert.deepEqual(apiCalls.map((c) => c.replace(/wlp_\w+/, '{program}')), [
      `GET /api/v1/public/clinics/${clinicId}`,
      `POST /api/v1/public/clinics/${clinicId}/waiting-lists/{program}/entries`,
    ]);
    assert.equal(await visitor.evaluate('localStorage.length'), 0, 'nothing kept in localStorage');

    // The front desk finds the visitor waiting and adds a caller.
    await signIn(page, DEMO_USERS.front_desk, DEMO_PASSWORD);
    assert.deepEqual(await navLinks(page), ['Patients', 'Calendar', 'Enquiries', 'Waiting lists', 'Consent library']);
    await openWaitingLists(page);
    await statusIs(page, VISITOR, 'Waiting');
    const addPerson = page.getByRole('form', { name: `Add person to ${PROGRAM}` });
    await addPerson.getByLabel('Given name').fill(CALLER.given);
    await addPerson.getByLabel('Family name').fill(CALLER.family);
    await addPerson.getByRole('textbox', { name: 'Phone', exact: true }).fill(CALLER.phone);
    await addPerson.getByRole('group', { name: 'Preferred contact' }).getByRole('radio', { name: 'Phone call' }).check();
    for (const question of ['Pregnant', 'Substance use history', 'Known high blood pressure']) {
      await addPerson.getByRole('group', { name: question }).getByRole('radio', { name: 'No', exact: true }).check();
    }
    assert.equal(await posted(page, /\/waiting-programs\/[^/]+\/entries$/, () => addPerson.getByRole('button', { name: 'Add person' }).click()), 201);
    await statusIs(page, CALLER, 'Waiting');
    assert.deepEqual(await cardOrder(page), [VISITOR.family, CALLER.family]);
    assert.equal(await card(page, CALLER).getByRole('button', { name: 'Mark urgent' }).count(), 0, 'the front desk does not mark urgent');
    await signOut(page);

    // A nurse marks the caller urgent, with a reason; the caller moves to the top.
    await signIn(page, DEMO_USERS.nurse, DEMO_PASSWORD);
    await openWaitingLists(page);
    assert.equal(await page.getByRole('form', { name: /^Add person/ }).count(), 0, 'a nurse does not add people');
    await card(page, CALLER).getByRole('button', { name: 'Mark urgent' }).click();
    const dialog = page.getByRole('dialog', { name: `Mark urgent: ${CALLER.given} ${CALLER.family}` });
    await dialog.getByLabel('Why is this urgent?').fill(URGENT_REASON);
    assert.equal(await posted(page, /\/waiting-entries\/[^/]+\/actions$/, () => dialog.getByRole('button', { name: 'Mark urgent' }).click()), 200);
    await card(page, CALLER).locator('.urgent-marker').waitFor();
    assert.equal(await card(page, CALLER).locator('.urgent-marker').textContent(), `!Urgent: ${URGENT_REASON}`);
    assert.deepEqual(await cardOrder(page), [CALLER.family, VISITOR.family]);
    await signOut(page);

    // The admin raises the places to one: the urgent caller is offered the place at once.
    await signIn(page, DEMO_USERS.admin, DEMO_PASSWORD);
    await openWaitingLists(page);
    await page.getByRole('button', { name: `Change places: ${PROGRAM}` }).click();
    const settings = page.getByRole('dialog', { name: `Change places: ${PROGRAM}` });
    await settings.getByLabel('Places (capacity)').fill('1');
    assert.equal(await posted(page, /\/waiting-programs\/[^/]+$/, () => settings.getByRole('button', { name: 'Save' }).click()), 200);
    await statusIs(page, CALLER, 'Offered');
    await assertOfferExpiry(page, CALLER);
    await statusIs(page, VISITOR, 'Waiting');
    assert.match(await programRow.innerText(), /\s1\s+1 \(full\)\s+1\s+48 hours/);
    await signOut(page);

    // The front desk records the caller's decline: the place passes to the visitor.
    await signIn(page, DEMO_USERS.front_desk, DEMO_PASSWORD);
    await openWaitingLists(page);
    await statusIs(page, CALLER, 'Offered');
    assert.equal(await posted(page, /\/waiting-entries\/[^/]+\/actions$/, () => card(page, CALLER).getByRole('button', { name: 'Record decline' }).click()), 200);
    await statusIs(page, CALLER, 'Declined');
    await statusIs(page, VISITOR, 'Offered');
    await assertOfferExpiry(page, VISITOR);
    assert.ok(await hasFocus(card(page, CALLER).locator('h3')), 'focus returns to the entry');
    await page.getByRole('status').filter({ hasText: `${CALLER.given} ${CALLER.family}: decline recorded.` }).waitFor();
    await page.screenshot({ path: screenshotPath('waiting-lists.png'), fullPage: true });

    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
