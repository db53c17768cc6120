// Bad input never corrupts or crashes: every malformed request gets a clear,
// machine-readable refusal, limits are enforced, and after ten thousand broken
// requests the server is still answering.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer } from '../support/server.mjs';
import { call, rawExchange, stopServers } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await stopServers(server); });

const login = (body, headers = {}) =>
  fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

async function assertHealthy() {
  assert.equal(server.proc.exitCode, null, `the server exited:\n${server.output()}`);
  const r = await call(server.url, 'GET', '/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { status: 'ok' });
}

async function errorOf(res) {
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = await res.json();
  assert.equal(typeof body.error?.code, 'string', `no error.code in ${JSON.stringify(body)}`);
  assert.equal(typeof body.error?.message, 'string');
  return body.error;
}

test('a sign-in body that is not JSON is refused with invalid_json', async () => {
  const res = await login('{"email": "admin@demo.test", "password": ');
  assert.equal(res.status, 400);
  assert.equal((await errorOf(res)).code, 'invalid_json');
});

test('a JSON array instead of an object is refused with validation_failed', async () => {
  const res = await login('[{"email": "admin@demo.test", "password": "demo-clinic-2026"}]');
  assert.equal(res.status, 400);
  assert.equal((await errorOf(res)).code, 'validation_failed');
});

test('a sign-in without an e-mail names the email field', async () => {
  const res = await login(JSON.stringify({ password: 'demo-clinic-2026' }));
  assert.equal(res.status, 400);
  const error = await errorOf(res);
  assert.equal(error.code, 'validation_failed');
  assert.equal(error.field, 'email');
});

test('a 2 MiB body is refused with 413 and the server keeps serving', async () => {
  const huge = JSON.stringify({ email: 'admin@demo.test', password: 'x'.repeat(2 * 1024 * 1024) });
  const res = await login(huge);
  assert.equal(res.status, 413);
  assert.equal((await errorOf(res)).code, 'body_too_large');
  await assertHealthy();
});

test('a header block over 16 KiB is refused with 431', async () => {
  const request = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(20 * 1024)}\r\n\r\n`;
  const r = await rawExchange(server.url, request);
  assert.equal(r.status, 431, `got: ${r.text.slice(0, 300)}`);
  assert.match(r.text, /"code":"headers_too_large"/);
  await assertHealthy();
});

test('an unknown API route is a JSON 404 not_found', async () => {
  const r = await call(server.url, 'GET', '/api/v1/nope');
  assert.equal(r.status, 404);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.equal(r.json?.error?.code, 'not_found');
});

test('a known path with a method it does not take is a 405 naming the methods it takes', async () => {
  const cases = [['DELETE', '/api/v1/auth/login', 'POST'], ['PUT', '/api/v1/patients', 'GET, HEAD, POST'],
    ['POST', '/healthz', 'GET, HEAD']];
  for (const [method, path, allow] of cases) {
    const r = await call(server.url, method, path);
    assert.equal(r.status, 405, `${method} ${path} gave ${r.status}: ${r.text}`);
    assert.equal(r.json?.error?.code, 'method_not_allowed');
    assert.equal(r.headers.get('allow'), allow);
  }
});

test('HEAD is answered like GET, without a body', async () => {
  const r = await fetch(`${server.url}/healthz`, { method: 'HEAD' });
  assert.equal(r.status, 200);
  assert.equal(await r.text(), '');
  assert.equal(r.headers.get('content-length'), '15');
});

test('who-am-I without a token, or with a garbage token, is 401 unauthenticated', async () => {
  const tokens = [undefined, 'garbage', 'x'.repeat(500), 'kc_session=not-a-session'];
  for (const token of tokens) {
    const r = await call(server.url, 'GET', '/api/v1/auth/me', { token });
    assert.equal(r.status, 401, `token ${String(token).slice(0, 20)} gave ${r.status}`);
    assert.equal(r.json?.error?.code, 'unauthenticated');
  }
  const cookie = await call(server.url, 'GET', '/api/v1/auth/me', { headers: { cookie: 'kc_session=forged' } });
  assert.equal(cookie.status, 401);
  assert.equal(cookie.json?.error?.code, 'unauthenticated');
});

// Broken HTTP, each answered with a 400 (and never a crash or a 5xx).
const BROKEN = [
  ['binary garbage', '\x00\x01\x02garbage\xff\r\n\r\n'],
  ['a request line without a target', 'GET\r\n\r\n'],
  ['an unknown HTTP version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n'],
  ['a broken percent escape', 'GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n'],
  ['a path that climbs out of the root', 'GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n'],
  ['an encoded NUL in the path', 'GET /api/v1/patients%00 HTTP/1.1\r\nHost: x\r\n\r\n'],
  ['a control character in the path', 'GET /a\x01b HTTP/1.1\r\nHost: x\r\n\r\n'],
  ['a negative Content-Length', 'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n'],
  ['a broken chunk', 'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n'],
  ['a header line without a colon', 'GET /healthz HTTP/1.1\r\nNoColonHere\r\n\r\n'],
  ['an absolute-form target', 'GET http://elsewhere.example/ HTTP/1.1\r\nHost: x\r\n\r\n'],
];

test('broken HTTP requests are answered 400 bad_request and the connection closed', async () => {
  for (const [what, request] of BROKEN) {
    const r = await rawExchange(server.url, request);
    assert.equal(r.timedOut, false, `${what}: no answer and no close`);
    assert.equal(r.status, 400, `${what}: ${r.text.slice(0, 200)}`);
    assert.match(r.text, /"code":"bad_request"/, what);
  }
  await assertHealthy();
});

// A small seeded generator, so that a failing flood can be replayed exactly.
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function malformed(i, rand) {
  const n = 1 + Math.floor(rand() * 300);
  const bytes = Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  switch (i % 4) {
    case 0: return Buffer.concat([bytes, Buffer.from('\r\n\r\n')]);             // pure noise
    case 1: return BROKEN[i % BROKEN.length][1];                                 // known breakage
    case 2: return Buffer.concat([Buffer.from('GET /\x7f'), bytes, Buffer.from(' HTTP/1.1\r\n\r\n')]);
    default: return Buffer.concat([Buffer.from('POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: 9\r\n'),
      bytes, Buffer.from('\r\n\r\n')]);
  }
}

test('after 10,000 malformed requests the server still answers /healthz', { timeout: 300_000 }, async () => {
  const TOTAL = 10_000;
  const BATCH = 50;
  const seed = randomBytes(4).readInt32LE();
  const rand = prng(seed);
  const statuses = new Map();
  let hung = 0;
  for (let start = 0; start < TOTAL; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(start + BATCH, TOTAL); i++)
      batch.push(rawExchange(server.url, malformed(i, rand), { timeoutMs: 10_000 }));
    for (const r of await Promise.all(batch)) {
      if (r.timedOut) hung++;
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
  }
  const summary = `seed ${seed}; statuses ${JSON.stringify([...statuses])}; hung ${hung}`;
  assert.equal(hung, 0, `connections neither answered nor closed: ${summary}`);
  for (const status of statuses.keys())
    assert.ok(status === null || (status >= 400 && status < 500), `a non-4xx answer to garbage: ${summary}`);
  assert.ok((statuses.get(400) ?? 0) > TOTAL / 2, `most garbage should get a 400: ${summary}`);
  await assertHealthy();
});
