// How the server behaves as a process and an HTTP citizen: health and metrics for
// the operator, security and caching headers on every answer, keep-alive, a
// graceful drain on SIGTERM, refusing a database from a newer version, starting
// empty in production, and serving the web app with sensible caching.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { startServer, runCli, repoRoot, Client, DEMO_USERS } from '../support/server.mjs';
import { call, rawExchange, RawConnection, runSql, stopServers } from './helpers.mjs';

let server;
const others = [];   // servers started by single tests; stopped here even when a test fails
before(async () => { server = await startServer(); });
after(async () => { await stopServers(server, ...others); });

async function extraServer(options) {
  const s = await startServer(options);
  others.push(s);
  return s;
}

const healthzCount = (text) =>
  Number(text.match(/^ketaclinic_http_requests_total\{route="GET \/healthz",status="200"\} (\d+)$/m)?.[1] ?? NaN);

test('liveness and readiness answer 200', async () => {
  const live = await call(server.url, 'GET', '/healthz');
  assert.equal(live.status, 200);
  assert.equal(live.json.status, 'ok');
  const ready = await call(server.url, 'GET', '/readyz');
  assert.equal(ready.status, 200);
  assert.equal(ready.json.status, 'ready');
});

test('/metrics is Prometheus text that counts requests and shows the store pool', async () => {
  const first = await call(server.url, 'GET', '/metrics');
  assert.equal(first.status, 200);
  assert.match(first.headers.get('content-type'), /^text\/plain/);
  assert.match(first.text, /^# TYPE ketaclinic_http_requests_total counter$/m);
  assert.match(first.text, /^ketaclinic_store_pool_in_use \d+$/m);
  const before = healthzCount(first.text);
  assert.ok(before >= 1, `no GET /healthz 200 counter in:\n${first.text}`);
  await call(server.url, 'GET', '/healthz');
  await call(server.url, 'GET', '/healthz');
  assert.equal(healthzCount((await call(server.url, 'GET', '/metrics')).text), before + 2);
});

test('every answer carries the security headers; API answers are never cached', async () => {
  const client = new Client(server.url);
  const answers = {
    'GET /healthz': await call(server.url, 'GET', '/healthz'),
    'GET /metrics': await call(server.url, 'GET', '/metrics'),
    'GET /': await call(server.url, 'GET', '/'),
    'GET /missing.png': await call(server.url, 'GET', '/missing.png'),
    'GET /api/v1/nope': await call(server.url, 'GET', '/api/v1/nope'),
    'GET /api/v1/auth/me (no session)': await call(server.url, 'GET', '/api/v1/auth/me'),
    'POST /api/v1/auth/login (bad)': await call(server.url, 'POST', '/api/v1/auth/login', { body: {} }),
    'POST /api/v1/auth/login': await client.login(DEMO_USERS.front_desk),
    'GET /api/v1/patients': await client.request('GET', '/api/v1/patients'),
    'POST /api/v1/auth/logout': await client.request('POST', '/api/v1/auth/logout'),
  };
  for (const [what, r] of Object.entries(answers)) {
    assert.match(r.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, what);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', what);
    assert.ok(r.headers.get('referrer-policy'), `${what}: no Referrer-Policy`);
    if (what.includes('/api/')) assert.match(r.headers.get('cache-control') ?? '', /no-store/, what);
  }
  assert.equal(answers['POST /api/v1/auth/login'].status, 200);
  assert.equal(answers['POST /api/v1/auth/logout'].status, 204);

  const broken = await rawExchange(server.url, 'GET\r\n\r\n');
  assert.equal(broken.status, 400);
  assert.match(broken.text, /\r\ncontent-security-policy: [^\r]*frame-ancestors 'none'/i);
  assert.match(broken.text, /\r\nx-content-type-options: nosniff\r\n/i);
});

test('two requests on one kept-alive connection are both answered', async () => {
  const conn = await RawConnection.open(server.url);
  try {
    conn.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const one = await conn.readResponse();
    assert.equal(one.status, 200);
    assert.notEqual(one.headers.connection, 'close');
    conn.write('GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const two = await conn.readResponse();
    assert.equal(two.status, 200);
    assert.equal(JSON.parse(two.body).status, 'ready');
  } finally {
    conn.close();
  }
});

test('SIGTERM lets sign-ins in flight finish, then the process exits 0', { timeout: 60_000 }, async () => {
  const s = await extraServer();
  const logins = [DEMO_USERS.admin, DEMO_USERS.nurse, DEMO_USERS.prescriber].map((email) =>
    call(s.url, 'POST', '/api/v1/auth/login', { body: { email, password: 'demo-clinic-2026' } })
      .catch((e) => ({ status: 'failed', text: String(e.cause ?? e) })));
  // Wait until the server is really working on them (the password hash is slow), then stop it.
  let inFlight = 0;
  for (let i = 0; i < 500 && inFlight < 1; i++) {
    const m = await rawExchange(s.url, 'GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    inFlight = Number(m.text.match(/^ketaclinic_http_requests_in_flight (\d+)/m)?.[1] ?? 0);
  }
  assert.ok(inFlight >= 1, 'never saw a sign-in in flight');
  const exited = once(s.proc, 'exit');
  s.proc.kill('SIGTERM'); // once, as an orchestrator would; a second signal may legitimately force an exit
  for (const r of await Promise.all(logins)) assert.equal(r.status, 200, `an in-flight sign-in was cut off: ${r.text}`);
  const [code, signal] = await exited;
  assert.deepEqual({ code, signal }, { code: 0, signal: null }, s.output());
  const after = await rawExchange(s.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.equal(after.status, null, 'the stopped server still answers');
});

test('--version prints the version', () => {
  const r = runCli(['--version']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^ketaclinic \d+\.\d+\.\d+/);
});

test('serve refuses a database whose schema is newer than the binary', { timeout: 60_000 }, async () => {
  const s = await extraServer();
  await s.stop();
  const r = runSql(s.database, "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (999, '0999_future', 0)");
  assert.equal(r.code, 0, r.stderr);
  await assert.rejects(startServer({ database: s.database, dir: s.dir }), (e) => {
    assert.match(e.message, /server exited [1-9]/, 'the server did not refuse to start');
    assert.match(e.message, /newer/);
    return true;
  });
});

test('a production start (no --demo) has no users at all', { timeout: 60_000 }, async () => {
  const s = await extraServer({ demo: false });
  const r = await call(s.url, 'POST', '/api/v1/auth/login',
    { body: { email: DEMO_USERS.admin, password: 'demo-clinic-2026' } });
  assert.equal(r.status, 401);
  assert.equal(r.json.error.code, 'invalid_credentials');
  assert.equal(runSql(s.database, 'SELECT COUNT(*) FROM users').stdout.trim(), '0');
  assert.equal(runSql(s.database, 'SELECT COUNT(*) FROM patients').stdout.trim(), '0');
});

test('the web app: index is revalidated, hashed assets are cached for good', async (t) => {
  const dist = join(repoRoot, 'web/dist');
  const assets = existsSync(join(dist, 'assets')) ? readdirSync(join(dist, 'assets')) : [];
  const hashed = assets.find((f) => /-[A-Za-z0-9_-]{6,}\.js$/.test(f));
  if (!existsSync(join(dist, 'index.html')) || !hashed) return t.skip('web/dist is absent (build the web app)');

  const index = await call(server.url, 'GET', '/');
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type'), /^text\/html/);
  assert.match(index.headers.get('cache-control') ?? '', /no-cache/);
  assert.doesNotMatch(index.headers.get('cache-control') ?? '', /immutable/);

  const asset = await call(server.url, 'GET', `/assets/${hashed}`);
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('content-type'), /javascript/);
  assert.match(asset.headers.get('cache-control') ?? '', /immutable/);

  const missing = await call(server.url, 'GET', '/assets/index-doesnotexist.js');
  assert.equal(missing.status, 404, 'a missing asset must not be answered with the app');
});
