// Shared helpers for the browser journeys (*.test.mjs beside this file): launching
// Debian's Chromium, the phone and desktop viewports, signing in and out, watching
// for page errors, and where screenshots go. Not a test itself: `node --test e2e/`
// only runs files named *.test.mjs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS, binaryPath, repoRoot } from '../../tests/support/server.mjs';

/** Where the journeys save their screenshots (git-ignored). */
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Chromium flags for a quiet headless run with no network of its own. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Browser-context options for a phone (390×844, touch, 2× pixels). */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Browser-context options for a desktop window (1280×800). */
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

const LAUNCH = { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS };

/** How long a page waits for an element or a response before failing the journey. */
const PAGE_TIMEOUT = 15_000;

/** Fails early, with a clear message, when the server binary or web/dist is missing. */
export function assertBuilt() {
  assert.ok(existsSync(binaryPath), `no server binary at ${binaryPath}: build the server first`);
  assert.ok(existsSync(join(repoRoot, 'web/dist/index.html')), 'no web/dist: run npm run build first');
}

/** Launches Debian's Chromium, headless; open pages in it with openPage. */
export function launchChromium() {
  return chromium.launch(LAUNCH);
}

/** A page in a new context of `browser` with the given device options (PHONE or DESKTOP). */
export async function openPage(browser, device) {
  const page = await (await browser.newContext(device)).newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  return page;
}

/**
 * Launches Chromium with a persistent profile in a fresh temporary folder.
 * Returns { context, page, close() }; close() shuts the browser and deletes the profile.
 */
export async function launchPersistent(device = DESKTOP) {
  const profile = mkdtempSync(join(tmpdir(), 'ketaclinic-chromium-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, { ...LAUNCH, ...device });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(PAGE_TIMEOUT);
    return {
      context,
      page,
      close: async () => {
        try { await context.close(); } finally { removeProfile(); }
      },
    };
  } catch (error) {
    await context?.close();
    removeProfile();
    throw error;
  }
}

/** Records page errors and CSP violations, which the strict CSP would report on the console. */
export function watchProblems(page, problems) {
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) problems.push(m.text()); });
}

/** Signs in on the sign-in page and waits for the signed-in app. */
export async function signIn(page, email, password = DEMO_PASSWORD) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Signs out and waits for the sign-in page. */
export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to KetaClinic' }).waitFor();
}

/** The texts of the main navigation's links, in order. */
export const navLinks = (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();

/**
 * Waits for the POST that `action` sends to a path ending in `path` (a string) or
 * matching it (a RegExp); returns the response status.
 */
export async function posted(page, path, action) {
  const matches = typeof path === 'string' ? (p) => p.endsWith(path) : (p) => path.test(p);
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && matches(new URL(r.url()).pathname));
  await action();
  return (await response).status();
}

/** Signs in through the API with a bearer token (no cookie, no CSRF); returns the response body. */
export async function apiSignIn(server, email, password = DEMO_PASSWORD) {
  const response = await fetch(server.url + '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, token_delivery: 'bearer' }),
  });
  assert.equal(response.status, 200);
  return response.json();
}

/** The demo clinic's id, from an API sign-in as the demo admin. */
export async function demoClinicId(server) {
  return (await apiSignIn(server, DEMO_USERS.admin)).user.clinic.id;
}

/** The path for screenshot `name`, creating the screenshots folder if needed. */
export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/** The badges in the patient chart's header (screening status, flags), in order. */
export const headerBadges = (page) => page.locator('.chart-header .badge').allInnerTexts();

/**
 * True once focus is on `locator`'s element. The page moves focus in an effect after
 * rendering, so this waits (up to `timeoutMs`) rather than reading it once.
 */
export async function hasFocus(locator, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await locator.evaluate((el) => el === el.ownerDocument.activeElement)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
