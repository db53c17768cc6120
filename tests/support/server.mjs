// Launches the real `ketaclinic` binary for black-box and browser tests.
//
// Each call gets a fresh database: a SQLite file in a temporary folder, or, when
// the engine is PostgreSQL, a new database on the throwaway test cluster named by
// KETACLINIC_TEST_PG_URL. The server listens on a free loopback port (it is given
// port 0 and prints the address it bound).
//
// Environment:
//   KETACLINIC_BIN          path of the binary (default build/test/ketaclinic)
//   KETACLINIC_TEST_ENGINE  sqlite (default) | postgresql
//   KETACLINIC_TEST_PG_URL  postgresql://user@127.0.0.1:PORT/postgres (admin database)
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const binaryPath = resolve(repoRoot, process.env.KETACLINIC_BIN || 'build/test/ketaclinic');
export const engine = process.env.KETACLINIC_TEST_ENGINE || 'sqlite';

export const DEMO_PASSWORD = 'demo-clinic-2026';
export const DEMO_USERS = {
  admin: 'admin@demo.test',
  prescriber: 'prescriber@demo.test',
  nurse: 'nurse@demo.test',
  therapist: 'therapist@demo.test',
  front_desk: 'frontdesk@demo.test',
};

/** Creates a fresh, empty database for one server and returns its URL. */
export function freshDatabase(dir) {
  if (engine === 'sqlite') return `sqlite:${join(dir, 'ketaclinic.db')}`;
  const admin = process.env.KETACLINIC_TEST_PG_URL;
  if (!admin) throw new Error('KETACLINIC_TEST_PG_URL is not set for the postgresql engine');
  const name = `kc_${randomBytes(6).toString('hex')}`;
  execFileSync('psql', [admin, '-q', '-c', `CREATE DATABASE ${name}`], { stdio: 'pipe' });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs a CLI subcommand to completion; returns {code, stdout, stderr}. */
export function runCli(args, { input, env = {} } = {}) {
  try {
    const stdout = execFileSync(binaryPath, args, {
      input, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'], encoding: 'utf8',
    });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    return { code: e.status ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/**
 * Starts a server. Options: demo (default true), database (reuse an existing URL,
 * e.g. after a restart), args (extra CLI arguments), env.
 * Returns { url, database, dir, proc, output(), stop(), kill9() }.
 */
export async function startServer({ demo = true, database, dir, args = [], env = {} } = {}) {
  dir = dir || mkdtempSync(join(tmpdir(), 'ketaclinic-test-'));
  database = database || freshDatabase(dir);
  const argv = ['serve', '--database', database, '--listen', '127.0.0.1:0',
    '--web-root', join(repoRoot, 'web/dist'), ...(demo ? ['--demo'] : []), ...args];
  const proc = spawn(binaryPath, argv, {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d) => { out += d; });
  proc.stderr.on('data', (d) => { out += d; });
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL'); // never leave a half-started server behind
      reject(new Error(`server did not start:\n${out}`));
    }, 60000);
    const check = () => {
      const m = out.match(/listening on (http:\/\/[0-9.:]+)/);
      if (m) { clearTimeout(timer); resolveUrl(m[1]); }
    };
    proc.stdout.on('data', check);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${out}`)); });
  });
  const exited = new Promise((r) => proc.on('exit', (code, signal) => r({ code, signal })));
  return {
    url, database, dir, proc,
    output: () => out,
    /** SIGTERM and wait for a graceful exit; returns {code, signal}. */
    async stop() { if (proc.exitCode === null) proc.kill('SIGTERM'); return exited; },
    async kill9() { proc.kill('SIGKILL'); return exited; },
    /** Removes the temporary folder (the SQLite file; empty for PostgreSQL). */
    cleanup() { rmSync(dir, { recursive: true, force: true }); },
  };
}

/** A tiny API client with a cookie jar and the CSRF header, as a browser would. */
export class Client {
  constructor(base) { this.base = base; this.cookie = ''; this.csrf = ''; }
  async request(method, path, body, headers = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.cookie && method !== 'GET') h.origin = this.base;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(this.base + path, {
      method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) { const m = set.match(/kc_session=([^;]*)/); if (m) this.cookie = m[1] ? `kc_session=${m[1]}` : ''; }
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    return { status: res.status, headers: res.headers, json, text };
  }
  async login(email, password = DEMO_PASSWORD) {
    const r = await this.request('POST', '/api/v1/auth/login', { email, password });
    if (r.status === 200) this.csrf = r.json.csrf_token;
    return r;
  }
}
