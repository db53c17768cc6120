// Story: on a tablet (768×1024), a nurse opens a demo patient's Consent tab, chooses
// the clinic's IV consent and hands the tablet over. The signing screen fills the
// tablet with no navigation; the patient reads each section, ticks it, types their
// full name and signs (a misspelt name is refused first, naming the field), then sees
// "hand the tablet back". The nurse countersigns on the Consent tab, where the IV
// route turns valid, and the printable record shows exactly the signed text, the
// typed name, the client address and the countersignature. Runs the real server
// binary and Debian's Chromium. Needs `npm run build` (web/dist) and
// build/test/ketaclinic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, DEMO_USERS, startServer } from '../../tests/support/server.mjs';
import { assertBuilt, hasFocus, launchChromium, openPage, posted, screenshotPath, signIn, watchProblems } from './browser.mjs';

/** A tablet in portrait (768×1024, touch). */
const TABLET = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const PATIENT = 'Okafor, Maya'; // a demo patient

async function openConsentTab(page) {
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
  await page.getByRole('link', { name: PATIENT }).click();
  await page.getByRole('heading', { name: PATIENT, level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'Consent' }).click();
  return page.getByRole('tabpanel', { name: 'Consent' });
}

test('the patient signs the IV consent on a tablet, a nurse countersigns, the record shows the signed text', { timeout: 180_000 }, async () => {
  assertBuilt();
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium();
    const problems = [];
    const page = await openPage(browser, TABLET);
    watchProblems(page, problems);

    await page.goto(server.url + '/');
    await signIn(page, DEMO_USERS.nurse, DEMO_PASSWORD);
    let panel = await openConsentTab(page);
    const ivRow = panel.locator('tr[data-route="iv"]');
    assert.match(await ivRow.innerText(), /Not valid.*has not signed/s);

    // Staff choose the document and hand the tablet over.
    const select = panel.getByLabel('Consent document');
    const ivOption = await select.locator('option', { hasText: 'IV infusion' }).getAttribute('value');
    await select.selectOption(ivOption);
    await panel.getByRole('button', { name: 'Hand the tablet to the patient' }).click();

    // The signing screen: a full-screen dialog, the app behind it out of reach.
    const tablet = page.getByRole('dialog', { name: 'Consent to intravenous (IV) ketamine treatment' });
    await tablet.waitFor();
    const box = await tablet.boundingBox();
    assert.ok(box && box.width >= 760 && box.height >= 1000, `the signing screen fills the tablet (${JSON.stringify(box)})`);
    assert.equal(await tablet.evaluate((d) => d.matches(':modal')), true, 'a modal dialog: the app behind it is inert');
    const navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients', exact: true });
    const covered = await navLink.evaluate((a) => {
      const r = a.getBoundingClientRect();
      const top = a.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return Boolean(top?.closest('dialog.consent-tablet'));
    });
    assert.ok(covered, 'the navigation is covered by the signing screen');
    const sign = tablet.getByRole('button', { name: 'Sign', exact: true });
    assert.equal(await sign.isDisabled(), true, 'Sign waits until everything is done');

    const checks = tablet.getByRole('checkbox');
    const count = await checks.count();
    assert.ok(count >= 4, `a box under each section (${count})`);
    for (let i = 0; i < count; i++) {
      const check = checks.nth(i);
      const size = await check.boundingBox();
      assert.ok(size && size.width >= 28 && size.height >= 28, 'large tick boxes');
      await check.check();
    }
    await tablet.getByLabel('Your full name (given name, then family name)').fill('Maya Okafore');
    await page.screenshot({ path: screenshotPath('consent-signing-tablet.png') });
    assert.equal(await sign.isDisabled(), false);
    assert.equal(await posted(page, /\/patients\/[^/]+\/consents$/, () => sign.click()), 400);
    const nameField = tablet.getByLabel('Your full name (given name, then family name)');
    await tablet.getByRole('alert').filter({ hasText: 'full legal name' }).waitFor();
    assert.ok(await hasFocus(nameField), 'focus moves to the name');
    await nameField.fill('Maya Okafor');
    assert.equal(await posted(page, /\/patients\/[^/]+\/consents$/, () => sign.click()), 201);
    const done = page.getByRole('dialog', { name: 'Thank you, Maya Okafor' });
    await done.getByText('Your consent is signed. Please hand the tablet back to a member of staff.').waitFor();
    await page.screenshot({ path: screenshotPath('consent-signed-tablet.png') });
    await done.getByRole('button', { name: 'Staff: I have the tablet back' }).click();

    // Back on the chart: signed, not yet countersigned, so not valid.
    await page.getByRole('heading', { name: PATIENT, level: 1 }).waitFor();
    panel = await openConsentTab(page);
    await panel.locator('tr[data-route="iv"]', { hasText: 'not yet countersigned' }).waitFor();
    const item = panel.locator('.consent-item', { hasText: 'Consent to intravenous (IV) ketamine treatment' });
    assert.match(await item.innerText(), /“Maya Okafor” \(tablet from Noah Nurse\)/);
    assert.equal(await posted(page, /\/countersign$/, () => item.getByRole('button', { name: 'Countersign' }).click()), 200);
    await panel.locator('tr[data-route="iv"]', { hasText: 'Valid (v1.0)' }).waitFor();
    await item.getByText('by Noah Nurse', { exact: false }).waitFor();
    await page.screenshot({ path: screenshotPath('consent-tab.png'), fullPage: true });

    // The printable record: the text that was signed, and the signature.
    await item.getByRole('link', { name: 'Printable record' }).click();
    await page.getByRole('heading', { name: 'Consent to intravenous (IV) ketamine treatment', level: 1 }).waitFor();
    const text = page.getByRole('region', { name: 'The text that was signed' });
    await text.getByRole('heading', { name: 'Nature of the treatment' }).waitFor();
    assert.match(await text.innerText(), /For demonstration only\./);
    assert.match(await text.innerText(), /Risks and side effects/);
    const facts = await page.locator('.consent-record-signature').innerText();
    assert.match(await page.locator('.consent-record-patient').innerText(), /Patient: Maya Okafor, born 1986-03-14/);
    assert.match(facts, /Typed name\s+Maya Okafor/);
    assert.match(facts, /Client address\s+127\.0\.0\.1/);
    assert.match(facts, /Countersigned\s+Noah Nurse, \d{4}-\d\d-\d\dT/);
    assert.match(facts, /Withdrawal\s+Not withdrawn/);
    assert.match(facts, /SHA-256 of the signed text\s+[0-9a-f]{64}/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.app-header').isVisible(), false, 'the app header is not printed');
    assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false);
    await page.screenshot({ path: screenshotPath('consent-record-print.png'), fullPage: true });

    assert.deepEqual(problems, []);
  } finally {
    await browser?.close();
    await server.stop();
    server.cleanup();
  }
});
