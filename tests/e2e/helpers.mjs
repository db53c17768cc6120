// Shared helpers for the black-box tests in this folder: raw sockets, a bearer-token
// API call, audit queries, and direct SQL against a test database (to set up states
// the API cannot reach, such as a tampered audit row). Not a test file itself.
import net from 'node:net';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { DEMO_PASSWORD, engine } from '../support/server.mjs';

/** Stops every started server (SIGTERM, wait) and removes its files; never throws. */
export async function stopServers(...servers) {
  for (const s of servers) {
    if (!s) continue;
    try { await s.stop(); } catch { /* already gone */ }
    try { s.cleanup(); } catch { /* best effort */ }
  }
}

function hostPort(url) {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port) };
}

/**
 * Opens a connection, writes `data`, optionally half-closes, and collects what the
 * server sends until it closes (or `timeoutMs` passes). Never rejects.
 * Returns { text, status (number or null), timedOut, error }.
 */
export function rawExchange(url, data, { timeoutMs = 5000, end = true } = {}) {
  return new Promise((resolveResult) => {
    const chunks = [];
    let settled = false;
    const socket = net.connect(hostPort(url));
    const finish = (extra = {}) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const m = text.match(/^HTTP\/1\.[01] (\d{3})/);
      resolveResult({ text, status: m ? Number(m[1]) : null, timedOut: false, error: null, ...extra });
    };
    const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs);
    socket.on('connect', () => {
      socket.write(data, () => { if (end) socket.end(); });
    });
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (error) => finish({ error }));
  });
}

/** A raw keep-alive connection that reads one Content-Length response at a time. */
export class RawConnection {
  static open(url) {
    return new Promise((res, rej) => {
      const socket = net.connect(hostPort(url));
      socket.once('connect', () => res(new RawConnection(socket)));
      socket.once('error', rej);
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.closed = false;
    this.waiter = null;
    socket.on('data', (d) => { this.buffer = Buffer.concat([this.buffer, d]); this.waiter?.(); });
    socket.on('close', () => { this.closed = true; this.waiter?.(); });
    socket.on('error', () => {});
  }

  write(text) { this.socket.write(text); }

  /** Resolves with { status, headers (lower-case names), body } or rejects on close/timeout. */
  readResponse(timeoutMs = 5000) {
    return new Promise((res, rej) => {
      const timer = setTimeout(() => { this.waiter = null; rej(new Error('no response in time')); }, timeoutMs);
      const attempt = () => {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end >= 0) {
          const [statusLine, ...lines] = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
          const headers = {};
          for (const line of lines) {
            const i = line.indexOf(':');
            headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
          }
          const length = Number(headers['content-length'] ?? 0);
          if (this.buffer.length >= end + 4 + length) {
            const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
            this.buffer = this.buffer.subarray(end + 4 + length);
            clearTimeout(timer);
            this.waiter = null;
            return res({ status: Number(statusLine.split(' ')[1]), headers, body });
          }
        }
        if (this.closed) {
          clearTimeout(timer);
          this.waiter = null;
          rej(new Error('connection closed before a full response'));
        }
      };
      this.waiter = attempt;
      attempt();
    });
  }

  close() { this.socket.destroy(); }
}

/** One API call with an optional bearer token; returns { status, headers, json, text }. */
export async function call(base, method, path, { token, body, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  const res = await fetch(base + path, {
    method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: res.status, headers: res.headers, json, text };
}

/** Signs in for a bearer token (API-client style); fails the test if sign-in fails. */
export async function bearerLogin(base, email, password = DEMO_PASSWORD) {
  const r = await call(base, 'POST', '/api/v1/auth/login', {
    body: { email, password, token_delivery: 'bearer' },
  });
  assert.equal(r.status, 200, `sign-in of ${email} failed: ${r.text}`);
  assert.equal(typeof r.json.token, 'string');
  return r.json.token;
}

/** Every audit event matching `query` (newest first), following cursors (bounded). */
export async function auditEvents(base, token, query = {}) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < 50; page++) {
    const q = new URLSearchParams({ ...query, limit: '500', ...(cursor ? { cursor } : {}) });
    const r = await call(base, 'GET', `/api/v1/audit?${q}`, { token });
    assert.equal(r.status, 200, `audit list failed: ${r.text}`);
    items.push(...r.json.items);
    cursor = r.json.next_cursor;
    if (!cursor) return items;
  }
  throw new Error('audit list did not end after 50 pages');
}

/** Runs SQL directly on a test database (sqlite3 or psql CLI); returns { code, stdout, stderr }. */
export function runSql(database, sql) {
  const [cmd, args] = engine === 'sqlite'
    ? ['sqlite3', [database.replace(/^sqlite:/, ''), sql]]
    : ['psql', [database, '-q', '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql]];
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
