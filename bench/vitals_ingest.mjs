// Load generator for the benchmark vitals_ingest (run by bench/vitals_ingest.sh).
//
//   node bench/vitals_ingest.mjs load   --url URL --server-pid PID [--db-pid PID] --out results.json
//                                       [--baseline-before 'bench_vitals_insert ARGS...' --baseline-out before.jsonl]
//   node bench/vitals_ingest.mjs report --engine NAME --results results.json --baseline before.jsonl,after.jsonl
//
// load: signs in to the demo clinic, creates a device-gateway account (role
// "device"), registers BENCH_SESSIONS patients, books one dosing appointment each
// and opens its session, then opens one WebSocket on /api/v1/live (as the admin) and
// makes every session post a batch of BENCH_READINGS_PER_BATCH readings every second
// (POST /api/v1/sessions/{id}/vitals, source "monitor-N", the sessions staggered over
// the second) for BENCH_WARMUP_SECONDS, then BENCH_SECONDS measured. Each batch's last
// reading carries a unique "at" (the send time, per session), which the server echoes
// in the vitals.recorded event: that pairs each POST with its event. Measured: the
// accepted readings per second, the time from sending a POST to its 201 response and
// to its event on the WebSocket, errors (non-201, network errors, events that never
// came), and the CPU of the server (and PostgreSQL) from /proc over the measured window.
//
// The baseline (bench_vitals_insert) runs once between the set-up and the load (the
// server idle) and once after the server stopped: the disk's flush time on this shared
// machine drifts within minutes, so each baseline figure is the mean of the two.
//
// report: prints the JSON lines (docs/performance.md), with the raw insert rates
// measured by bench_vitals_insert as baselines.
//
// Node 20, no packages. Progress on stderr.
import http from 'node:http';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { openWebSocket } from '../tests/e2e/ws_client.mjs';

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const SESSIONS = env('BENCH_SESSIONS', 500);
const PER_BATCH = env('BENCH_READINGS_PER_BATCH', 1);
const SECONDS = env('BENCH_SECONDS', 30);
const WARMUP = env('BENCH_WARMUP_SECONDS', 5);
const CONNECTIONS = env('BENCH_CONNECTIONS', 100);
const DRAIN_MS = 5000;
const PASSWORD = 'demo-clinic-2026';

const args = Object.fromEntries(
  process.argv.slice(3).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const log = (msg) => process.stderr.write(`vitals_ingest: ${msg}\n`);

// ---------------------------------------------------------------------------- HTTP
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS, scheduling: 'fifo' });

/** One request; resolves { status, json, text } or { status: 0, error } (never rejects). */
function request(base, method, path, { token, body } = {}) {
  return new Promise((resolve) => {
    const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (data) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = data.length;
    }
    const req = http.request(`${base}${path}`, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, json, text });
      });
      res.on('error', (error) => resolve({ status: 0, error, text: String(error) }));
    });
    req.on('error', (error) => resolve({ status: 0, error, text: String(error) }));
    if (data) req.write(data);
    req.end();
  });
}

/** The vitals writer's counters from /metrics: { groups, batches, largest } (zeros if absent). */
async function writerCounters(base) {
  const r = await request(base, 'GET', '/metrics');
  const value = (name) => Number(r.text.match(new RegExp(`^${name} (\\d+)`, 'm'))?.[1] ?? 0);
  return { groups: value('ketaclinic_vitals_groups_total'), batches: value('ketaclinic_vitals_batches_total'),
    largest: value('ketaclinic_vitals_largest_group') };
}

function must(r, status, what) {
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status} ${r.text}`);
  return r.json;
}

/** Runs `fn(i)` for i in [0, n) with at most `width` at a time. */
async function pool(n, width, fn) {
  let next = 0;
  const worker = async () => { while (next < n) { const i = next++; await fn(i); } };
  await Promise.all(Array.from({ length: Math.min(width, n) }, worker));
}

// ---------------------------------------------------------------------------- /proc
const TICKS_PER_S = 100;  // USER_HZ on Linux
function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');  // fields from the 3rd on
  return Number(fields[11]) + Number(fields[12]);                    // utime, stime (14th, 15th)
}
function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch { return -1; }
}
/** CPU ticks of `pid` and every process it started (PostgreSQL's backends). */
function treeTicks(pid) {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = Number(name);
    if (p !== pid && parentOf(p) !== pid) continue;
    try { total += cpuTicks(p); } catch { /* gone */ }
  }
  return total;
}
function status(pid, key) {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) : 0;
}
function machineBusyTicks() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + f[4];
  return { busy: f.reduce((a, b) => a + b, 0) - idle, all: f.reduce((a, b) => a + b, 0) };
}

// ---------------------------------------------------------------------------- stats
function percentile(values, p) {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

// ---------------------------------------------------------------------------- load
async function load() {
  const base = args.url;
  const serverPid = Number(args['server-pid']);
  const dbPid = args['db-pid'] ? Number(args['db-pid']) : null;
  const t0 = performance.now();

  const login = async (email, password = PASSWORD) =>
    must(await request(base, 'POST', '/api/v1/auth/login', { body: { email, password, token_delivery: 'bearer' } }), 200,
      `sign-in ${email}`).token;
  const admin = await login('admin@demo.test');
  // Our own accounts and room, so that nothing clashes with the demo clinic's bookings:
  // a nurse (opens the sessions, is booked on the appointments) and a device gateway.
  const benchPassword = 'bench-vitals-password-0001';
  const account = async (email, display_name, roles) => must(await request(base, 'POST', '/api/v1/users', {
    token: admin, body: { email, display_name, roles, password: benchPassword },
  }), 201, `create ${email}`).id;
  const nurseId = await account('bench-nurse@bench.test', 'Bench Nurse', ['nurse']);
  await account('monitor-gateway@bench.test', 'Monitor gateway', ['device']);
  const nurse = await login('bench-nurse@bench.test', benchPassword);
  const device = await login('monitor-gateway@bench.test', benchPassword);
  const room = must(await request(base, 'POST', '/api/v1/rooms', { token: admin, body: { name: 'Bench room' } }), 201,
    'create a room');

  // Patients, then their appointments. Neither a room nor a staff member can be
  // double-booked, and opening a session does not look at the appointment's time, so
  // the appointments follow each other in one room with one nurse (4 h apart, from
  // tomorrow); this changes nothing on the vitals path.
  const patients = new Array(SESSIONS);
  await pool(SESSIONS, 8, async (i) => {
    patients[i] = must(await request(base, 'POST', '/api/v1/patients', {
      token: admin, body: { given_name: `Bench${i}`, family_name: `Monitored${i}`, date_of_birth: '1980-05-17' },
    }), 201, `patient ${i}`).id;
  });
  const firstStart = new Date(Date.now() + 24 * 3600_000);
  firstStart.setUTCHours(0, 0, 0, 0);
  const appointments = new Array(SESSIONS);
  for (let from = 0; from < SESSIONS; from += 60) {
    const items = [];
    for (let i = from; i < Math.min(SESSIONS, from + 60); ++i) {
      items.push({
        type: 'dosing_session', route: 'iv', patient_id: patients[i], room_id: room.id, staff_ids: [nurseId],
        start: new Date(firstStart.getTime() + i * 4 * 3600_000).toISOString(), duration_minutes: 240,
      });
    }
    const booked = must(await request(base, 'POST', '/api/v1/appointments/batch', { token: admin, body: { items } }), 201,
      `appointments ${from}..`);
    booked.items.forEach((b, k) => { appointments[from + k] = b.appointment.id; });
  }
  const sessions = new Array(SESSIONS);
  await pool(SESSIONS, 8, async (i) => {
    sessions[i] = must(await request(base, 'POST', '/api/v1/sessions', { token: nurse, body: { appointment_id: appointments[i] } }),
      201, `session ${i}`).id;
  });
  const index = new Map(sessions.map((id, i) => [id, i]));
  log(`set up ${SESSIONS} patients, appointments and sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (args['baseline-before']) {
    const [cmd, ...cmdArgs] = args['baseline-before'].split(' ');
    writeFileSync(args['baseline-out'], execFileSync(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'inherit'] }));
  }

  // The live screen: one WebSocket for the whole clinic.
  const ws = await openWebSocket(`${base}/api/v1/live`, { Authorization: `Bearer ${admin}` });
  if (ws.status !== 101) throw new Error(`live: ${ws.status} ${ws.text}`);
  const pending = new Map();  // `${session}|${at_ms}` -> the send's record
  let wsClosed = false;
  let unmatchedEvents = 0;
  // Read the socket's queue as frames arrive: TestSocket.parse calls wake() per frame.
  const onFrame = () => {
    while (ws.messages.length) {
      const e = ws.messages.shift();
      if (e.type !== 'vitals.recorded') continue;
      const key = `${e.data.session_id}|${e.data.reading.at_ms}`;
      const rec = pending.get(key);
      if (!rec) { unmatchedEvents++; continue; }
      rec.eventAt = performance.now();
      pending.delete(key);
    }
    if (ws.closed) wsClosed = true;
    ws.waiters.push(onFrame);
  };
  onFrame();

  // Pacing: session i sends at start + i/SESSIONS s + k s, on absolute times (no drift).
  const records = [];
  const start = performance.now() + 200;
  const warmEnd = start + WARMUP * 1000;
  const end = warmEnd + SECONDS * 1000;
  const wallAtStart = Date.now() - performance.now();  // wall clock = wallAtStart + performance.now()
  let lastAt = new Array(SESSIONS).fill(0);
  let inFlight = 0;
  let maxInFlight = 0;
  const send = (i, planned) => {
    const now = performance.now();
    // A unique "at" per session: the send time, in whole milliseconds, never repeated.
    let at = Math.floor(wallAtStart + now);
    if (at <= lastAt[i]) at = lastAt[i] + 1;
    lastAt[i] = at;
    const readings = [];
    for (let k = PER_BATCH - 1; k >= 0; --k) {
      readings.push({
        at: new Date(at - k * Math.floor(1000 / PER_BATCH)).toISOString(),
        systolic_mmhg: 112 + (i % 10) + (k % 3), diastolic_mmhg: 74 + (i % 5), heart_rate_bpm: 68 + (i % 9) + (k % 4),
        spo2_pct: 97 + (i % 3),
      });
    }
    const rec = { session: i, planned, sentAt: now, measured: planned >= warmEnd, status: null, responseAt: null, eventAt: null, accepted: 0 };
    records.push(rec);
    pending.set(`${sessions[i]}|${at}`, rec);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    request(base, 'POST', `/api/v1/sessions/${sessions[i]}/vitals`, {
      token: device, body: { source: `monitor-${i}`, readings },
    }).then((r) => {
      inFlight--;
      rec.responseAt = performance.now();
      rec.status = r.status;
      if (r.status === 201) rec.accepted = r.json.accepted;
      else if (!rec.errorText) rec.errorText = r.text.slice(0, 200);
    });
  };
  let cpuStart = null;
  const timers = [];
  for (let i = 0; i < SESSIONS; ++i) {
    const tick = (planned) => {
      if (planned >= end) return;
      send(i, planned);
      const next = planned + 1000;
      timers[i] = setTimeout(() => tick(next), Math.max(0, next - performance.now()));
    };
    const first = start + (i * 1000) / SESSIONS;
    timers[i] = setTimeout(() => tick(first), Math.max(0, first - performance.now()));
  }
  const progress = setInterval(() => {
    const now = performance.now();
    const phase = now < warmEnd ? 'warm-up' : 'measuring';
    log(`${phase}: ${records.length} posts sent, ${inFlight} in flight, ${pending.size} events awaited`);
  }, 5000);
  await new Promise((r) => setTimeout(r, Math.max(0, warmEnd - performance.now())));
  const writerStart = await writerCounters(base);
  cpuStart = {
    at: performance.now(), server: cpuTicks(serverPid), db: dbPid ? treeTicks(dbPid) : 0,
    loadgen: process.cpuUsage(), machine: machineBusyTicks(),
  };
  await new Promise((r) => setTimeout(r, Math.max(0, end - performance.now())));
  const cpuEnd = {
    at: performance.now(), server: cpuTicks(serverPid), db: dbPid ? treeTicks(dbPid) : 0,
    loadgen: process.cpuUsage(), machine: machineBusyTicks(),
  };
  const writerEnd = await writerCounters(base);
  log('sending stopped; waiting for the last answers and events');
  const drainUntil = performance.now() + DRAIN_MS;
  while ((inFlight > 0 || [...pending.values()].some((r) => r.status === 201)) && performance.now() < drainUntil)
    await new Promise((r) => setTimeout(r, 50));
  clearInterval(progress);
  const rssPeakKb = status(serverPid, 'VmHWM');
  const rssEndKb = status(serverPid, 'VmRSS');
  ws.close();
  agent.destroy();

  const windowS = (cpuEnd.at - cpuStart.at) / 1000;
  const measured = records.filter((r) => r.measured);
  const ok = measured.filter((r) => r.status === 201);
  const lateSend = measured.map((r) => r.sentAt - r.planned);
  const errorSamples = [...new Set(measured.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.errorText ?? ''}`))].slice(0, 5);
  const loadgenUs = (cpuEnd.loadgen.user + cpuEnd.loadgen.system) - (cpuStart.loadgen.user + cpuStart.loadgen.system);
  const machine = { busy: cpuEnd.machine.busy - cpuStart.machine.busy, all: cpuEnd.machine.all - cpuStart.machine.all };
  const results = {
    sessions: SESSIONS, readings_per_batch: PER_BATCH, seconds: SECONDS, warmup_seconds: WARMUP, connections: CONNECTIONS,
    window_s: windowS,
    posts: measured.length,
    // Acknowledged (201) within the measured window, whenever sent: a server that falls
    // behind shows here, not only in the latency.
    readings_per_s: records.filter((r) => r.status === 201 && r.responseAt >= cpuStart.at && r.responseAt < cpuEnd.at)
      .reduce((a, r) => a + r.accepted, 0) / windowS,
    readings_accepted_per_s: ok.reduce((a, r) => a + r.accepted, 0) / SECONDS,
    offered_readings_per_s: (SESSIONS * PER_BATCH),
    response_ms: ok.map((r) => r.responseAt - r.sentAt),
    event_ms: ok.filter((r) => r.eventAt !== null).map((r) => r.eventAt - r.sentAt),
    late_send_ms: lateSend,
    errors_http: measured.filter((r) => r.status !== 201).length,
    errors_missing_events: ok.filter((r) => r.eventAt === null).length,
    unmatched_events: unmatchedEvents,
    ws_closed: wsClosed,
    error_samples: errorSamples,
    max_in_flight: maxInFlight,
    server_cpu_pct: (100 * (cpuEnd.server - cpuStart.server)) / TICKS_PER_S / windowS,
    db_cpu_pct: dbPid ? (100 * (cpuEnd.db - cpuStart.db)) / TICKS_PER_S / windowS : null,
    loadgen_cpu_pct: (100 * loadgenUs) / 1e6 / windowS,
    machine_cpu_pct: machine.all ? (100 * machine.busy) / machine.all : null,  // of all cores
    // Batches per transaction of the vitals writer within the window (group commit).
    writer_groups: writerEnd.groups - writerStart.groups,
    mean_group_batches: writerEnd.groups > writerStart.groups
      ? (writerEnd.batches - writerStart.batches) / (writerEnd.groups - writerStart.groups) : null,
    largest_group_batches: writerEnd.largest,
    server_rss_peak_mb: rssPeakKb / 1024,
    server_rss_end_mb: rssEndKb / 1024,
  };
  writeFileSync(args.out, JSON.stringify(results));
  log(`${results.posts} posts measured over ${SECONDS} s: ${results.readings_per_s.toFixed(1)} readings/s, ` +
    `${results.errors_http} HTTP errors, ${results.errors_missing_events} events missing`);
  if (errorSamples.length) log(`error samples: ${errorSamples.join(' | ')}`);
  // Steady queueing or a few stalls? The event latency of each 5 s of the window.
  const buckets = [];
  for (const r of ok) {
    if (r.eventAt === null) continue;
    const b = Math.floor((r.planned - warmEnd) / 5000);
    (buckets[b] ??= []).push(r.eventAt - r.sentAt);
  }
  log(`event latency per 5 s (p50/p99/max ms): ${buckets.map((v) =>
    `${percentile(v, 0.5).toFixed(1)}/${percentile(v, 0.99).toFixed(0)}/${percentile(v, 1).toFixed(0)}`).join('  ')}`);
}

// ---------------------------------------------------------------------------- report
function report() {
  const engine = args.engine;
  const r = JSON.parse(readFileSync(args.results, 'utf8'));
  const runs = {};  // metric -> [value of each baseline run]
  for (const file of args.baseline.split(',')) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const b = JSON.parse(line);
      (runs[b.metric] ??= []).push(b.value);
    }
  }
  const baselines = Object.fromEntries(Object.entries(runs).map(([m, v]) => [m, v.reduce((a, b) => a + b, 0) / v.length]));
  const round = (v, d = 3) => (v === null ? null : Number(v.toFixed(d)));
  const out = (metric, value, unit, baseline) => {
    const line = { bench: 'vitals_ingest', engine, metric, value: round(value), unit };
    if (baseline) {
      const [name, baselineValue] = baseline;
      Object.assign(line, { baseline: name, baseline_value: round(baselineValue, 1), ratio: round(value / baselineValue, 4) });
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  };
  for (const [metric, values] of Object.entries(runs)) {
    process.stdout.write(`${JSON.stringify({ bench: 'vitals_ingest', engine, metric, value: round(baselines[metric], 1), unit: '1/s',
      runs: values.map((v) => round(v, 1)) })}\n`);
  }
  out('sessions', r.sessions, '1');
  out('readings_per_batch', r.readings_per_batch, '1');
  out('offered_readings_per_s', r.offered_readings_per_s, '1/s');
  out('readings_per_s', r.readings_per_s, '1/s', ['raw_insert_tx_per_batch', baselines.raw_insert_tx_per_batch_rows_per_s]);
  out('readings_per_s', r.readings_per_s, '1/s', ['raw_insert_group_tx', baselines.raw_insert_group_tx_rows_per_s]);
  out('readings_per_s', r.readings_per_s, '1/s', ['raw_insert_bulk_tx', baselines.raw_insert_bulk_tx_rows_per_s]);
  out('readings_per_s', r.readings_per_s, '1/s', ['store_tx_per_batch', baselines.store_tx_per_batch_rows_per_s]);
  out('readings_per_s', r.readings_per_s, '1/s', ['store_group_tx', baselines.store_group_tx_rows_per_s]);
  out('event_p50_ms', percentile(r.event_ms, 0.5), 'ms');
  out('event_p99_ms', percentile(r.event_ms, 0.99), 'ms');
  out('event_max_ms', percentile(r.event_ms, 1), 'ms');
  out('response_p50_ms', percentile(r.response_ms, 0.5), 'ms');
  out('response_p99_ms', percentile(r.response_ms, 0.99), 'ms');
  out('send_lag_p99_ms', percentile(r.late_send_ms, 0.99), 'ms');
  if (r.mean_group_batches !== null && r.mean_group_batches !== undefined) {
    out('writer_groups_per_s', r.writer_groups / r.window_s, '1/s');
    out('mean_group_batches', r.mean_group_batches, '1');
    out('largest_group_batches', r.largest_group_batches, '1');
  }
  out('errors_http', r.errors_http, '1');
  out('errors_missing_events', r.errors_missing_events, '1');
  out('server_cpu_pct', r.server_cpu_pct, '% of one core');
  if (r.db_cpu_pct !== null) out('postgresql_cpu_pct', r.db_cpu_pct, '% of one core');
  out('loadgen_cpu_pct', r.loadgen_cpu_pct, '% of one core');
  out('machine_cpu_pct', r.machine_cpu_pct, '% of all cores');
  out('server_rss_peak_mb', r.server_rss_peak_mb, 'MiB');
}

if (process.argv[2] === 'load') {
  load().then(() => process.exit(0), (e) => { log(e.stack || String(e)); process.exit(1); });
} else if (process.argv[2] === 'report') {
  report();
} else {
  log('usage: vitals_ingest.mjs load|report ...');
  process.exit(2);
}
