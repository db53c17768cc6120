// Signing in and out: a guessed password locks the account without revealing
// whether the e-mail exists, every failure is audited, session cookies are
// HttpOnly/SameSite=Strict, bearer tokens work for API clients, cookie-borne
// changes need the CSRF token and our own Origin, and ending a session (logout,
// password change) really ends it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, DEMO_USERS, DEMO_PASSWORD } from '../support/server.mjs';
import { auditEvents, bearerLogin, call, stopServers } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await stopServers(server); });

const signIn = (email, password) =>
  call(server.url, 'POST', '/api/v1/auth/login', { body: { email, password } });

test('a nurse\'s account locks after repeated wrong passwords, without revealing anything', async () => {
  const unknown = await signIn('nobody@demo.test', 'wrong-password-1');
  assert.equal(unknown.status, 401);
  assert.equal(unknown.json.error.code, 'invalid_credentials');

  for (let attempt = 1; attempt <= 6; attempt++) {
    const r = await signIn(DEMO_USERS.nurse, `wrong-password-${attempt}`);
    assert.equal(r.status, 401, `attempt ${attempt}`);
    assert.equal(r.headers.get('set-cookie'), null, `attempt ${attempt} set a cookie`);
    // The same answer as for an unknown e-mail: nothing says the account exists or is locked.
    assert.deepEqual(r.json, unknown.json, `attempt ${attempt} answered differently from an unknown e-mail`);
  }

  const correct = await signIn(DEMO_USERS.nurse, DEMO_PASSWORD);
  assert.equal(correct.status, 401, 'the locked account accepted its correct password');
  assert.deepEqual(correct.json, unknown.json);
  assert.equal(correct.headers.get('set-cookie'), null);
});

test('the admin sees the failed and locked sign-ins in the audit log', async () => {
  const token = await bearerLogin(server.url, DEMO_USERS.admin);
  const failed = await auditEvents(server.url, token, { action: 'auth.login_failed' });
  const locked = await auditEvents(server.url, token, { action: 'auth.login_locked' });
  const nurse = (e) => e.user_email === DEMO_USERS.nurse;
  assert.ok(failed.filter(nurse).length >= 1, `no auth.login_failed for the nurse: ${JSON.stringify(failed)}`);
  assert.ok(locked.filter(nurse).length >= 1, `no auth.login_locked for the nurse: ${JSON.stringify(locked)}`);
  // Every one of the seven refused attempts (six wrong, one while locked) left a trace.
  assert.equal(failed.filter(nurse).length + locked.filter(nurse).length, 7);
  for (const e of [...failed, ...locked]) {
    assert.equal(e.outcome, 'denied');
    assert.equal(e.entity_type, 'user');
    assert.equal(e.client_address, '127.0.0.1');
  }
});

test('the session cookie is HttpOnly and SameSite=Strict', async () => {
  const r = await signIn(DEMO_USERS.prescriber, DEMO_PASSWORD);
  assert.equal(r.status, 200);
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /^kc_session=[^;]{20,};/);
  assert.match(cookie, /;\s*HttpOnly(;|$)/i);
  assert.match(cookie, /;\s*SameSite=Strict(;|$)/i);
  assert.equal(r.json.token, undefined, 'a cookie sign-in must not also expose the token to scripts');
  assert.equal(r.json.user.email, DEMO_USERS.prescriber);
  assert.equal(typeof r.json.csrf_token, 'string');
});

test('logout ends the session: the old cookie is refused afterwards', async () => {
  const client = new Client(server.url);
  assert.equal((await client.login(DEMO_USERS.prescriber)).status, 200);
  const oldCookie = client.cookie;
  assert.equal((await client.request('GET', '/api/v1/auth/me')).status, 200);

  const out = await client.request('POST', '/api/v1/auth/logout');
  assert.equal(out.status, 204);
  assert.match(out.headers.get('set-cookie') ?? '', /kc_session=;.*Max-Age=0/);

  const after = await call(server.url, 'GET', '/api/v1/auth/me', { headers: { cookie: oldCookie } });
  assert.equal(after.status, 401);
  assert.equal(after.json.error.code, 'unauthenticated');
});

test('an API client signs in for a bearer token and uses it', async () => {
  const r = await call(server.url, 'POST', '/api/v1/auth/login', {
    body: { email: DEMO_USERS.front_desk, password: DEMO_PASSWORD, token_delivery: 'bearer' },
  });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('set-cookie'), null, 'a bearer sign-in must not set a cookie');
  assert.equal(typeof r.json.token, 'string');
  assert.ok(r.json.token.length >= 20);

  const me = await call(server.url, 'GET', '/api/v1/auth/me', { token: r.json.token });
  assert.equal(me.status, 200);
  assert.equal(me.json.user.email, DEMO_USERS.front_desk);
  assert.deepEqual(me.json.user.roles, ['front_desk']);
});

test('a cookie-authenticated change without the CSRF token, or from another site, is refused', async () => {
  const client = new Client(server.url);
  assert.equal((await client.login(DEMO_USERS.prescriber)).status, 200);
  const patient = (family) => ({ given_name: 'Csrf', family_name: family, date_of_birth: '1980-01-01' });
  const origin = server.url;

  const noToken = await call(server.url, 'POST', '/api/v1/patients', {
    body: patient('NoToken'), headers: { cookie: client.cookie, origin },
  });
  assert.equal(noToken.status, 403);
  assert.equal(noToken.json.error.code, 'csrf_failed');

  const wrongToken = await call(server.url, 'POST', '/api/v1/patients', {
    body: patient('WrongToken'), headers: { cookie: client.cookie, origin, 'x-csrf-token': 'not-the-token' },
  });
  assert.equal(wrongToken.status, 403);
  assert.equal(wrongToken.json.error.code, 'csrf_failed');

  const otherSite = await call(server.url, 'POST', '/api/v1/patients', {
    body: patient('OtherSite'),
    headers: { cookie: client.cookie, origin: 'https://evil.example', 'x-csrf-token': client.csrf },
  });
  assert.equal(otherSite.status, 403);
  assert.equal(otherSite.json.error.code, 'csrf_failed');

  // None of the refused requests registered anyone; the proper one does.
  const search = await client.request('GET', '/api/v1/patients?q=csrf');
  assert.equal(search.status, 200);
  assert.deepEqual(search.json.items, []);
  const ok = await client.request('POST', '/api/v1/patients', patient('Proper'));
  assert.equal(ok.status, 201, ok.text);
});

test('changing the password ends every session of that user', async () => {
  const NEW_PASSWORD = 'a-new-long-password-2026';
  const browser = new Client(server.url);
  assert.equal((await browser.login(DEMO_USERS.therapist)).status, 200);
  const cookie = browser.cookie;
  const apiToken = await bearerLogin(server.url, DEMO_USERS.therapist);

  const wrong = await browser.request('POST', '/api/v1/auth/password',
    { current_password: 'not-my-password', new_password: NEW_PASSWORD });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.json.error.field, 'current_password');

  const changed = await browser.request('POST', '/api/v1/auth/password',
    { current_password: DEMO_PASSWORD, new_password: NEW_PASSWORD });
  assert.equal(changed.status, 204, changed.text);

  const byCookie = await call(server.url, 'GET', '/api/v1/auth/me', { headers: { cookie } });
  assert.equal(byCookie.status, 401, 'the session that changed the password is still valid');
  const byToken = await call(server.url, 'GET', '/api/v1/auth/me', { token: apiToken });
  assert.equal(byToken.status, 401, 'another session of the same user is still valid');

  assert.equal((await signIn(DEMO_USERS.therapist, DEMO_PASSWORD)).status, 401, 'the old password still works');
  assert.equal((await signIn(DEMO_USERS.therapist, NEW_PASSWORD)).status, 200);
});
