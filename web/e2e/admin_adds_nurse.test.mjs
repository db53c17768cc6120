// Story: the admin adds a nurse; the nurse signs in and finds no admin pages; the
// admin then finds both events in the audit log. Runs the real server binary and
// Debian's Chromium. Needs `npm run build` (web/dist) and build/test/ketaclinic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import { assertBuilt, launchPersistent, navLinks, screenshotPath, signIn, signOut, watchProblems } from './browser.mjs';

const NURSE = { email: `nina.${Date.now()}@demo.test`, name: 'Nina Nurse', password: 'nurse-password-2026' };

/** Rows of the audit table whose action is exactly `action`, optionally for one user. */
const auditRows = (page, action, userEmail) => {
  const rows = page.locator('tbody tr').filter({ has: page.locator('code', { hasText: new RegExp(`^${action.replace('.', '\\.')}$`) }) });
  return userEmail ? rows.filter({ hasText: userEmail }) : rows;
};

test('an admin adds a nurse, who cannot open admin pages; the audit log shows both', { timeout: 120_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    browser = await launchPersistent();
    const page = browser.page;
    const pageProblems = [];
    watchProblems(page, pageProblems);

    // The admin signs in and adds a nurse.
    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.admin, DEMO_PASSWORD);
    assert.deepEqual(await navLinks(page), ['Patients', 'Calendar', 'Station', 'Inbox', 'Questionnaires due', 'Follow-up', 'Enquiries', 'Waiting lists', 'Consent library', 'REMS forms', 'Outcomes', 'Users', 'Audit log', 'Clinic settings']);
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users and roles' }).waitFor();
    await page.getByLabel('Email').fill(NURSE.email);
    await page.getByLabel('Display name').fill(NURSE.name);
    await page.getByRole('checkbox', { name: 'Nurse' }).check();
    await page.getByLabel('Initial password').fill(NURSE.password);
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/users'));
    await page.getByRole('button', { name: 'Add user' }).click();
    const nurseId = (await (await created).json()).id;
    await page.locator('tbody tr', { hasText: NURSE.email }).waitFor();
    assert.match(await page.locator('tbody tr', { hasText: NURSE.email }).innerText(), /Nurse\s+Active/);
    await signOut(page);

    // The nurse signs in: no admin pages, and /users typed by hand is refused without calling the admin API.
    const usersApiCalls = [];
    const recordUsersApi = (request) => { if (new URL(request.url()).pathname.startsWith('/api/v1/users')) usersApiCalls.push(request.url()); };
    page.on('request', recordUsersApi);
    await signIn(page, NURSE.email, NURSE.password);
    assert.deepEqual(await navLinks(page), ['Patients', 'Calendar', 'Station', 'Inbox', 'Questionnaires due', 'Follow-up', 'Double checks', 'Enquiries', 'Waiting lists', 'Consent library', 'REMS forms']);
    await page.goto(server.url + '/users');
    await page.getByRole('alert').filter({ hasText: 'You do not have access to this page' }).waitFor();
    assert.deepEqual(usersApiCalls, []);
    page.off('request', recordUsersApi);
    await signOut(page);

    // The admin finds the nurse's creation and her sign-in in the audit log.
    await signIn(page, DEMO_USERS.admin, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await auditRows(page, 'user.create', DEMO_USERS.admin).filter({ hasText: nurseId }).waitFor();
    await auditRows(page, 'auth.login', NURSE.email).first().waitFor();
    await page.screenshot({ path: screenshotPath('audit-log.png'), fullPage: true });

    // Filtering by the nurse's email leaves only her events.
    await page.getByLabel('User (email or id)').fill(NURSE.email);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await auditRows(page, 'user.create').first().waitFor({ state: 'detached' });
    const users = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    assert.ok(users.length > 0 && users.every((u) => u === NURSE.email), `rows for other users: ${users}`);

    assert.deepEqual(pageProblems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
