// Story: two demo patients have had a dosing session today (IV and IM, set up
// through the API, each with a side effect). The medical director (the demo admin)
// opens the clinic's Outcomes page,
// filters by route and sees the figures change, and the link with the filters
// reopens the same view. She starts a research export of that selection, watches
// it finish, downloads the CSV with her session, and the file holds no patient's
// name, e-mail or phone from the demo clinic; its data dictionary names the same
// columns. Then a prescriber opens a patient's Progress tab and prints the progress
// letter for the referring clinician. Runs the real server binary and Debian's
// Chromium (desktop). Needs `npm run build` (web/dist) and build/test/ketaclinic.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import { DESKTOP, apiSignIn, assertBuilt, launchChromium, navLinks, openPage, screenshotPath, signIn, signOut, watchProblems } from './browser.mjs';
import { apiAs, dosedSession } from './outcomes_setup.mjs';

let server;
before(async () => {
  assertBuilt();
  server = await startServer();
  const api = await apiAs(server);
  await dosedSession(api, { query: 'Delgado', route: 'iv', roomName: 'Room 1', staff: 'nurse', offsetMinutes: 5 });
  await dosedSession(api, { query: 'Lindqvist', route: 'im', roomName: 'Room 2', staff: 'prescriber', offsetMinutes: 5 });
});
after(async () => {
  await server?.stop();
  server?.cleanup();
});

/** Every demo patient's name parts, e-mail and phone: none may appear in a research export. */
async function demoIdentifiers(server) {
  const { token } = await apiSignIn(server, DEMO_USERS.admin);
  const get = async (path) => (await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
  const patients = (await get('/patients?limit=200')).items;
  assert.ok(patients.length > 0, 'the demo clinic has patients');
  const identifiers = new Set();
  for (const p of patients) {
    const record = await get(`/patients/${p.id}`);
    for (const value of [record.given_name, record.family_name, record.email, record.phone, record.emergency_contact_phone, record.escort_phone]) {
      if (value && value.trim().length >= 3) identifiers.add(value.trim());
    }
  }
  return [...identifiers];
}

/** The dashboard's headline figures as the page shows them. */
async function figures(page) {
  const tiles = await page.locator('.dashboard-tiles dd').allInnerTexts();
  const groups = await page.locator('.outcome-groups tbody tr').allInnerTexts();
  const weeks = await page.locator('.weekly-table tbody td').allTextContents();
  return { tiles, groups, weeks };
}

/** Waits for the dashboard's answer to a request whose query matches `query`. */
function dashboardAnswer(page, query) {
  return page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/v1/dashboards/outcomes' && query(url.searchParams);
  });
}

test('the medical director filters the outcomes by route and exports a de-identified CSV', { timeout: 180_000 }, async () => {
  let browser;
  try {
    const identifiers = await demoIdentifiers(server);
    browser = await launchChromium();
    const problems = [];
    const page = await openPage(browser, DESKTOP);
    watchProblems(page, problems);

    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.admin, DEMO_PASSWORD);
    assert.ok((await navLinks(page)).includes('Outcomes'));
    const first = dashboardAnswer(page, (q) => !q.has('route'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
    await page.getByRole('heading', { name: 'Clinic outcomes', level: 1 }).waitFor();
    assert.equal((await first).status(), 200);
    await page.locator('.dashboard-tiles').waitFor();
    const all = await figures(page);

    // Filter by route: the figures change and the address carries the filter.
    const filters = page.getByRole('form', { name: 'Dashboard filters' });
    await filters.getByLabel('Route').selectOption('iv');
    const byRoute = dashboardAnswer(page, (q) => q.get('route') === 'iv');
    await filters.getByRole('button', { name: 'Show' }).click();
    assert.equal((await byRoute).status(), 200);
    await page.getByRole('status').filter({ hasText: 'IV infusion' }).waitFor();
    const iv = await figures(page);
    assert.notDeepEqual(iv, all, 'filtering by route changes the figures');
    assert.match(page.url(), /\/outcomes\?route=iv$/);
    await page.screenshot({ path: screenshotPath('outcomes-dashboard-iv-desktop.png'), fullPage: true });

    // An inverted range is refused next to the last day, without asking the server.
    await filters.getByLabel('From').fill('2026-06-01');
    await filters.getByLabel('To').fill('2026-05-01');
    await filters.getByRole('button', { name: 'Show' }).click();
    await filters.getByText('The last day is before the first day').waitFor();
    assert.match(page.url(), /\/outcomes\?route=iv$/);

    // The link reopens the same view.
    await page.goto(server.url + '/outcomes?route=iv');
    await page.locator('.dashboard-tiles').waitFor();
    assert.equal(await page.getByLabel('Route').inputValue(), 'iv');
    assert.deepEqual(await figures(page), iv);

    // The research export of this selection: progress, then the download.
    const panel = page.getByRole('region', { name: 'Research export' });
    const started = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/exports/research' && r.request().method() === 'POST');
    await panel.getByRole('button', { name: 'Start research export' }).click();
    assert.equal((await started).status(), 202);
    const link = panel.getByRole('link', { name: 'Download data.csv' });
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /^ketaclinic-research-\d{4}-\d{2}-\d{2}\.csv$/);
    // The same file read again with the page's cookies, as the link sends them.
    const absolute = async (locator) => new URL(await locator.getAttribute('href'), page.url()).href;
    const csv = await (await page.request.get(await absolute(link))).text();
    assert.equal(csv, await readFile(await download.path(), 'utf8'));
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    assert.equal(header.split(',')[0], 'subject');
    for (const column of ['event', 'day', 'date_shifted', 'age_at_first_session', 'route']) assert.ok(header.split(',').includes(column), `the CSV has ${column}`);
    for (const identifier of identifiers) assert.ok(!csv.includes(identifier), `the CSV holds no "${identifier}"`);
    assert.ok(!/@/.test(csv), 'the CSV holds no e-mail address');
    for (const row of rows) assert.match(row, /^S\d{4},/);

    const dictionary = await (await page.request.get(await absolute(panel.getByRole('link', { name: 'Data dictionary (CSV)' })))).text();
    const described = dictionary.trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0]);
    assert.deepEqual(described, header.split(','));
    await page.screenshot({ path: screenshotPath('outcomes-research-export-desktop.png'), fullPage: true });
    await signOut(page);
    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
  }
});

test('a prescriber records a check-in on a patient’s Progress tab and prints the progress letter', { timeout: 120_000 }, async () => {
  let browser;
  try {
    browser = await launchChromium();
    const problems = [];
    const page = await openPage(browser, DESKTOP);
    watchProblems(page, problems);
    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.prescriber, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Patients', exact: true }).click();
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Delgado, Rosa' }).click();
    await page.getByRole('heading', { name: 'Delgado, Rosa', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Progress' }).click();
    const tab = page.getByRole('tabpanel', { name: 'Progress' });
    await tab.getByRole('heading', { name: 'Long-term safety' }).waitFor();
    assert.match(await tab.locator('.side-effects tbody tr').first().innerText(), /Nausea\s+Mild\s+No\s+Ondansetron/);

    // The nurse's check-in reports memory problems: the tab shows the warning at the top.
    const checkIn = tab.getByRole('form', { name: 'Record a check-in' });
    await checkIn.getByLabel('Daily opioid dose (MME per day)').fill('60');
    await checkIn.getByLabel('Reports memory or attention problems').check();
    await checkIn.getByRole('button', { name: 'Record check-in' }).click();
    await checkIn.getByText('Describe the memory or attention problem in the note.').waitFor();
    await checkIn.getByLabel('Note').fill('Forgets appointments since the last session.');
    await checkIn.getByRole('button', { name: 'Record check-in' }).click();
    await tab.getByRole('alert').filter({ hasText: 'Memory or attention problems' }).waitFor();
    await tab.getByRole('heading', { name: 'Pain and opioid use' }).waitFor();
    await page.screenshot({ path: screenshotPath('progress-tab-desktop.png'), fullPage: true });

    await tab.getByRole('link', { name: 'Print progress letter' }).click();
    await page.getByRole('heading', { name: /^Treatment progress: /, level: 1 }).waitFor();
    assert.equal(await page.title(), 'Progress letter · KetaClinic');
    await page.getByLabel('To').fill('Dr Ada Jones\nRiverside Practice');
    await page.locator('.letter-to', { hasText: 'Riverside Practice' }).waitFor();
    // "Print or save as PDF" opens the browser's print dialog; here it is recorded instead.
    await page.evaluate(() => { globalThis.printed = 0; globalThis.print = () => { globalThis.printed += 1; }; });
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    assert.equal(await page.evaluate(() => globalThis.printed), 1);
    // On paper: the letter without the app around it or its controls.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false);
    assert.equal(await page.locator('.letter-to').isVisible(), true);
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    await page.screenshot({ path: screenshotPath('progress-letter-print.png'), fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
  }
});
