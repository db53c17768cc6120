// Story: a prescriber has the Inbox open with no open tasks. A patient's PHQ-9,
// entered elsewhere with question 9 above 0, raises a high-priority task: the task
// appears on the open Inbox and in the Inbox link's count within seconds, through
// the live connection (GET /api/v1/live), without a reload and long before the
// 60-second poll. Runs the real server binary and Debian's Chromium.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import { DESKTOP, apiSignIn, assertBuilt, launchChromium, openPage, signIn, watchProblems } from './browser.mjs';

const phq9 = (...v) => Object.fromEntries(v.map((x, i) => [`phq9_${i + 1}`, x]));

test('a new risk task appears on the open Inbox at once', { timeout: 120_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium();
    const problems = [];
    const page = await openPage(browser, DESKTOP);
    watchProblems(page, problems);
    const sockets = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));

    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.prescriber);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Inbox, no open tasks' }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await page.getByText('No open tasks.').waitFor();
    assert.ok(sockets.some((u) => new URL(u).pathname === '/api/v1/live'), `the app opened the live connection: ${sockets}`);

    // A nurse, at another desk, submits a PHQ-9 with question 9 above 0.
    const nurse = await apiSignIn(server, DEMO_USERS.nurse);
    const auth = { authorization: `Bearer ${nurse.token}`, 'content-type': 'application/json' };
    const patients = await (await fetch(`${server.url}/api/v1/patients?q=Okafor`, { headers: auth })).json();
    const submitted = Date.now();
    const r = await fetch(`${server.url}/api/v1/patients/${patients.items[0].id}/responses`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ instrument: 'phq9', answers: phq9(2, 2, 2, 2, 1, 1, 1, 1, 1), submit: true }),
    });
    assert.equal(r.status, 201);

    // The open Inbox shows it without a reload, well within the 60-second poll.
    await page.getByText('1 open task.').waitFor({ timeout: 10_000 });
    await nav.getByRole('link', { name: 'Inbox, 1 open task', exact: true }).waitFor({ timeout: 10_000 });
    assert.ok(Date.now() - submitted < 15_000, 'arrived through the live connection, not the minute poll');
    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
