// The medical director sets the clinic's eligibility rules through the API: the
// first read shows version 1 (the release's defaults, seeded); making cystitis an
// exclusion publishes version 2 that screening uses at once; lowering a Spravato
// contraindication needs an acknowledgement; bad input names its field; a nurse
// may read but not publish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, stopServers } from './helpers.mjs';

let server;
let prescriber;
let nurse;

before(async () => {
  server = await startServer();
  [prescriber, nurse] = await Promise.all([DEMO_USERS.prescriber, DEMO_USERS.nurse].map((u) => bearerLogin(server.url, u)));
});
after(async () => { await stopServers(server); });

const api = (token, method, path, body) => call(server.url, method, `/api/v1${path}`, { token, body });

test('the clinic publishes a rule version that screening uses at once', async () => {
  const first = await api(nurse, 'GET', '/eligibility-rules');
  assert.equal(first.status, 200, first.text);
  const version = first.json.version;
  assert.ok(version >= 1);
  const cystitis = first.json.rules.find((r) => r.rule === 'cystitis');
  assert.deepEqual([cystitis.setting, cystitis.default, cystitis.group], ['needs_review', 'needs_review', 'warning']);
  assert.deepEqual(first.json.rules.find((r) => r.rule === 'intracerebral_haemorrhage').allowed, ['exclude', 'needs_review']);

  const patient = await api(nurse, 'POST', '/patients', { given_name: 'Ines', family_name: 'Rules', date_of_birth: '1980-02-02' });
  assert.equal((await api(nurse, 'POST', `/patients/${patient.json.id}/history`, { answers: { cystitis: 'yes' } })).status, 200);

  for (const [body, field] of [
    [{ rules: { cystitis: 'exclude' } }, 'reason'],
    [{ reason: 'x', rules: [] }, 'rules'],
    [{ reason: 'x', rules: { cystitis: 'maybe' } }, 'rules.cystitis'],
    [{ reason: 'x', rules: { ptsd: 'off' } }, 'rules.ptsd'],
    [{ reason: 'x', rules: { cystitis: 3 } }, 'rules.cystitis'],
    [{ reason: 'x', rules: { intracerebral_haemorrhage: 'needs_review' } }, 'acknowledge_contraindication'],
  ]) {
    const r = await api(prescriber, 'POST', '/eligibility-rules', body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.equal(r.json.error.field, field, JSON.stringify(body));
  }
  assert.equal((await api(nurse, 'POST', '/eligibility-rules', { reason: 'x', rules: { cystitis: 'exclude' } })).status, 403);

  const published = await api(prescriber, 'POST', '/eligibility-rules', { reason: 'Ketamine cystitis seen twice', rules: { cystitis: 'exclude' } });
  assert.equal(published.status, 201, published.text);
  assert.equal(published.json.version, version + 1);
  assert.equal(published.json.versions[0].reason, 'Ketamine cystitis seen twice');
  assert.equal(published.json.versions[0].published_by, DEMO_USERS.prescriber);
  assert.deepEqual(published.json.versions[0].changed, { cystitis: 'exclude' });

  const screening = await api(prescriber, 'GET', `/patients/${patient.json.id}/screening`);
  assert.equal(screening.json.rule_version, published.json.label);
  assert.equal(screening.json.findings.find((f) => f.rule === 'cystitis').outcome, 'exclude');
  const decided = await api(prescriber, 'POST', `/patients/${patient.json.id}/eligibility-decisions`, { decision: 'not_eligible', reason: 'Cystitis' });
  assert.equal(decided.json.rule_version, published.json.label);
});
