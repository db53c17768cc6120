// Informed consent, told through the real binary: a prescriber writes an oral
// ketamine consent, publishing is refused while sections are missing, then
// published; the patient signs on a nurse's session (typed name, every section
// acknowledged, time and address recorded); the consent is not valid until a nurse
// countersigns, then valid, then withdrawn and invalid again. A minor signs only with
// the guardian recorded in their demographics. A new major version makes an older
// consent outdated until a prescriber accepts it. Another clinic's staff get 404 for
// every consent route, and the audit trail holds each step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, runCli, DEMO_USERS } from '../support/server.mjs';
import { call, bearerLogin, auditEvents, stopServers } from './helpers.mjs';

const OTHER_ADMIN = 'admin@other-consent.test';
const OTHER_PASSWORD = 'other-clinic-password';

let boot;
let server;
const tokens = {}; // role -> bearer token
let other;         // the other clinic's admin
const ids = {};

before(async () => {
  boot = await startServer();
  await boot.stop();
  const added = runCli(['user', 'add', '--database', boot.database, '--clinic', 'Other Consent Clinic',
    '--email', OTHER_ADMIN, '--name', 'Other Admin', '--role', 'admin'], { input: `${OTHER_PASSWORD}\n` });
  assert.equal(added.code, 0, `user add failed: ${added.stderr}`);
  server = await startServer({ database: boot.database, dir: boot.dir });
  for (const role of Object.keys(DEMO_USERS)) tokens[role] = await bearerLogin(server.url, DEMO_USERS[role]);
  other = await bearerLogin(server.url, OTHER_ADMIN, OTHER_PASSWORD);
});
after(async () => { await stopServers(server, boot); });

const api = (role, method, path, body) =>
  call(server.url, method, `/api/v1${path}`, { token: role === 'other' ? other : tokens[role], body });
const assertError = (r, status, code, field) => {
  assert.equal(r.status, status, r.text);
  assert.equal(r.json.error.code, code, r.text);
  if (field !== undefined) assert.equal(r.json.error.field, field, r.text);
};
const status = async (patient, route, role = 'nurse') => {
  const r = await api(role, 'GET', `/patients/${patient}/consent-status?route=${route}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.route, route);
  return r.json;
};
const yearsAgo = (n) => `${new Date().getUTCFullYear() - n}-01-01`;

const INCOMPLETE = 'Read each part.\n\n## Nature of the treatment\nKetamine by mouth, in the clinic.\n\n## Benefits\nRelief.\n';
const COMPLETE = `${INCOMPLETE}\n## Risks and side effects\nNausea, dissociation.\n\n## Alternatives\nOther medicines.\n`;
const HEADINGS = ['Nature of the treatment', 'Benefits', 'Risks and side effects', 'Alternatives'];

test('the demo clinic has a published document for each demo kind', async () => {
  const r = await api('front_desk', 'GET', '/consent-documents');
  assert.equal(r.status, 200, r.text);
  const published = r.json.items.filter((d) => d.status === 'published').map((d) => d.kind).sort();
  assert.deepEqual(published, ['im', 'intranasal_esketamine', 'iv', 'research', 'sublingual']);
  assert.ok(r.json.kinds.some((k) => k.kind === 'research' && k.label === 'Research use of data'));
  const iv = r.json.items.find((d) => d.kind === 'iv');
  const full = await api('therapist', 'GET', `/consent-documents/${iv.id}`);
  assert.equal(full.status, 200, full.text);
  assert.match(full.json.body_markdown, /For demonstration only/);
  assert.deepEqual(full.json.sections.slice(0, 4),
    ['Nature of the treatment', 'Risks and side effects', 'Benefits', 'Alternatives']);
});

test('a document is published only with nature, risks, benefits and alternatives', async () => {
  assert.equal((await api('nurse', 'POST', '/consent-documents',
    { kind: 'oral', title: 'Oral', body_markdown: COMPLETE })).status, 403);
  assertError(await api('prescriber', 'POST', '/consent-documents',
    { kind: 'nasal', title: 'x', body_markdown: COMPLETE }), 400, 'validation_failed', 'kind');
  assertError(await api('prescriber', 'POST', '/consent-documents',
    { kind: 'oral', body_markdown: COMPLETE }), 400, 'validation_failed', 'title');

  const draft = await api('prescriber', 'POST', '/consent-documents',
    { kind: 'oral', title: 'Consent to oral ketamine', body_markdown: INCOMPLETE });
  assert.equal(draft.status, 201, draft.text);
  assert.equal(draft.json.version, '1.0');
  assert.equal(draft.json.status, 'draft');
  ids.oral1 = draft.json.id;

  const refused = await api('prescriber', 'POST', `/consent-documents/${ids.oral1}/publish`);
  assertError(refused, 400, 'consent_sections_missing', 'body_markdown');
  assert.match(refused.json.error.message, /risks and alternatives/);
  assert.equal((await api('prescriber', 'GET', `/consent-documents/${ids.oral1}`)).json.status, 'draft');

  const edited = await api('prescriber', 'POST', `/consent-documents/${ids.oral1}`,
    { title: 'Consent to oral ketamine', body_markdown: COMPLETE });
  assert.equal(edited.status, 200, edited.text);
  const published = await api('prescriber', 'POST', `/consent-documents/${ids.oral1}/publish`);
  assert.equal(published.status, 200, published.text);
  assert.equal(published.json.status, 'published');
  assert.equal(published.json.published_by, DEMO_USERS.prescriber);
  assert.match(published.json.content_sha256, /^[0-9a-f]{64}$/);
  assertError(await api('prescriber', 'POST', `/consent-documents/${ids.oral1}`,
    { title: 'Changed', body_markdown: COMPLETE }), 409, 'consent_document_published');
});

test('signed, then valid only once countersigned, until withdrawn', async () => {
  const patients = (await api('nurse', 'GET', '/patients?limit=200')).json.items;
  ids.maya = patients.find((p) => p.given_name === 'Maya').id;
  assert.equal((await status(ids.maya, 'oral')).code, 'consent_missing');

  // The tablet: the nurse opens the document for the patient, who signs.
  const shown = await api('nurse', 'GET', `/patients/${ids.maya}/consent-documents/${ids.oral1}`);
  assert.equal(shown.status, 200, shown.text);
  assert.deepEqual(shown.json.sections, HEADINGS);

  const sign = (body, role = 'nurse') => api(role, 'POST', `/patients/${ids.maya}/consents`, body);
  assertError(await sign({ document_id: ids.oral1, typed_name: 'Maya Smith', acknowledged_sections: HEADINGS }),
    400, 'consent_name_mismatch', 'typed_name');
  assertError(await sign({ document_id: ids.oral1, typed_name: 'Maya Okafor', acknowledged_sections: HEADINGS.slice(1) }),
    400, 'consent_section_not_acknowledged', 'acknowledged_sections');
  assertError(await sign({ document_id: ids.oral1, typed_name: 'Maya Okafor', acknowledged_sections: 'all' }),
    400, 'validation_failed', 'acknowledged_sections');
  assert.equal((await sign({ document_id: ids.oral1, typed_name: 'Maya Okafor', acknowledged_sections: HEADINGS },
    'therapist')).status, 403);
  assert.equal((await api('nurse', 'GET', `/patients/${ids.maya}/consents`)).json.consents.length, 0,
    'refused signatures leave nothing');

  const signed = await sign({ document_id: ids.oral1, typed_name: '  maya  OKAFOR ', acknowledged_sections: HEADINGS });
  assert.equal(signed.status, 201, signed.text);
  ids.mayaOral = signed.json.id;
  assert.equal(signed.json.typed_name, 'maya  OKAFOR');
  assert.equal(signed.json.version, '1.0');
  assert.equal(signed.json.client_address, '127.0.0.1');
  assert.equal(signed.json.handed_over_by, 'Noah Nurse');
  assert.ok(Math.abs(Date.parse(signed.json.signed_at) - Date.now()) < 60_000, signed.json.signed_at);
  assert.equal(signed.json.countersignature, null);

  let s = await status(ids.maya, 'oral');
  assert.equal(s.valid, false);
  assert.equal(s.code, 'consent_not_countersigned');
  assert.equal(s.consent_id, ids.mayaOral);

  assert.equal((await api('front_desk', 'POST', `/consents/${ids.mayaOral}/countersign`)).status, 403);
  const cs = await api('nurse', 'POST', `/consents/${ids.mayaOral}/countersign`);
  assert.equal(cs.status, 200, cs.text);
  assert.ok(cs.json.countersignature.at);
  assertError(await api('prescriber', 'POST', `/consents/${ids.mayaOral}/countersign`), 409,
    'consent_already_countersigned');
  s = await status(ids.maya, 'oral', 'front_desk');
  assert.deepEqual(s, { route: 'oral', valid: true, code: null, message: s.message, consent_id: ids.mayaOral, version: '1.0' });

  // The printable record holds exactly the signed text.
  const record = await api('therapist', 'GET', `/consents/${ids.mayaOral}`);
  assert.equal(record.status, 200, record.text);
  assert.equal(record.json.body_markdown, COMPLETE);
  assert.equal(record.json.title, 'Consent to oral ketamine');
  assert.deepEqual(record.json.acknowledged_sections, HEADINGS);

  assertError(await api('nurse', 'POST', `/consents/${ids.mayaOral}/withdraw`, { reason: ' ' }), 400,
    'validation_failed', 'reason');
  assert.equal((await api('front_desk', 'POST', `/consents/${ids.mayaOral}/withdraw`, { reason: 'x' })).status, 403);
  const w = await api('nurse', 'POST', `/consents/${ids.mayaOral}/withdraw`, { reason: 'Patient asked to stop.' });
  assert.equal(w.status, 200, w.text);
  assert.equal(w.json.withdrawal.reason, 'Patient asked to stop.');
  s = await status(ids.maya, 'oral');
  assert.equal(s.valid, false);
  assert.equal(s.code, 'consent_withdrawn');
  assertError(await api('nurse', 'POST', `/consents/${ids.mayaOral}/withdraw`, { reason: 'again' }), 409,
    'consent_withdrawn');

  const list = await api('nurse', 'GET', `/patients/${ids.maya}/consents`);
  assert.equal(list.status, 200, list.text);
  assert.equal(list.json.consents.length, 1);
  assert.equal(list.json.status.find((x) => x.route === 'oral').code, 'consent_withdrawn');
  assert.equal(list.json.status.find((x) => x.route === 'iv').code, 'consent_missing');
  assert.ok(list.json.documents.some((d) => d.id === ids.oral1));
});

test('a minor signs with the guardian recorded in the demographics', async () => {
  const created = await api('front_desk', 'POST', '/patients',
    { given_name: 'Teo', family_name: 'Marsh', date_of_birth: yearsAgo(15) });
  assert.equal(created.status, 201, created.text);
  ids.teo = created.json.id;
  const demo = await api('front_desk', 'POST', `/patients/${ids.teo}/demographics`, {
    sex_at_birth: 'male', guardian_name: 'Ruth Marsh', guardian_relationship: 'Mother', guardian_phone: '555 123 4567',
  });
  assert.equal(demo.status, 200, demo.text);

  const sign = (extra) => api('front_desk', 'POST', `/patients/${ids.teo}/consents`,
    { document_id: ids.oral1, typed_name: 'Teo Marsh', acknowledged_sections: HEADINGS, ...extra });
  assertError(await sign({}), 400, 'consent_guardian_required', 'guardian_name');
  assertError(await sign({ guardian_name: 'Ruth Marsh' }), 400, 'consent_guardian_required', 'guardian_relationship');
  assertError(await sign({ guardian_name: 'Someone Else', guardian_relationship: 'Aunt' }), 400,
    'consent_guardian_mismatch', 'guardian_name');
  const signed = await sign({ guardian_name: 'ruth marsh', guardian_relationship: 'Mother' });
  assert.equal(signed.status, 201, signed.text);
  assert.equal(signed.json.guardian.name, 'ruth marsh');
  assert.equal(signed.json.guardian.relationship, 'Mother');
  assert.equal((await api('prescriber', 'POST', `/consents/${signed.json.id}/countersign`)).status, 200);
  assert.equal((await status(ids.teo, 'oral')).valid, true);
  const list = (await api('nurse', 'GET', `/patients/${ids.teo}/consents`)).json;
  assert.equal(list.minor, true);
  assert.deepEqual(list.recorded_guardian, { name: 'Ruth Marsh', relationship: 'Mother' });
});

test('a new major version outdates an older consent until a prescriber accepts it', async () => {
  const samuel = (await api('nurse', 'GET', '/patients?limit=200')).json.items.find((p) => p.given_name === 'Samuel').id;
  ids.samuel = samuel;
  const signed = await api('nurse', 'POST', `/patients/${samuel}/consents`,
    { document_id: ids.oral1, typed_name: 'Samuel Achebe', acknowledged_sections: HEADINGS });
  assert.equal(signed.status, 201, signed.text);
  ids.samuelOral = signed.json.id;
  assert.equal((await api('nurse', 'POST', `/consents/${ids.samuelOral}/countersign`)).status, 200);
  assertError(await api('prescriber', 'POST', `/consents/${ids.samuelOral}/accept-version`, { reason: 'n/a' }), 409,
    'consent_not_outdated');

  const minor = await api('admin', 'POST', '/consent-documents',
    { kind: 'oral', title: 'Consent to oral ketamine', body_markdown: `${COMPLETE}\nClarified wording.\n`, revision: 'minor' });
  assert.equal(minor.json.version, '1.1', minor.text);
  assert.equal((await api('admin', 'POST', `/consent-documents/${minor.json.id}/publish`)).status, 200);
  assert.equal((await status(samuel, 'oral')).valid, true, 'a minor revision keeps the consent valid');
  assertError(await api('nurse', 'POST', `/patients/${samuel}/consents`,
    { document_id: ids.oral1, typed_name: 'Samuel Achebe', acknowledged_sections: HEADINGS }), 409,
  'consent_document_not_current', 'document_id');

  const major = await api('admin', 'POST', '/consent-documents',
    { kind: 'oral', title: 'Consent to oral ketamine', body_markdown: COMPLETE, revision: 'major' });
  assert.equal(major.json.version, '2.0', major.text);
  assert.equal((await api('admin', 'POST', `/consent-documents/${major.json.id}/publish`)).status, 200);
  const docs = (await api('admin', 'GET', '/consent-documents')).json.items.filter((d) => d.kind === 'oral');
  assert.deepEqual(docs.map((d) => `${d.version} ${d.status}`), ['2.0 published', '1.1 retired', '1.0 retired']);

  let s = await status(samuel, 'oral');
  assert.equal(s.code, 'consent_outdated');
  assert.equal(s.version, '1.0');
  assert.equal((await api('nurse', 'POST', `/consents/${ids.samuelOral}/accept-version`, { reason: 'x' })).status, 403);
  assertError(await api('prescriber', 'POST', `/consents/${ids.samuelOral}/accept-version`, {}), 400,
    'validation_failed', 'reason');
  const accepted = await api('prescriber', 'POST', `/consents/${ids.samuelOral}/accept-version`,
    { reason: 'Version 2.0 changes reviewed with the patient.' });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.json.version_acceptance.reason, 'Version 2.0 changes reviewed with the patient.');
  s = await status(samuel, 'oral');
  assert.equal(s.valid, true);
  assert.equal(s.consent_id, ids.samuelOral);
});

test('bad requests name the field', async () => {
  assertError(await api('nurse', 'GET', `/patients/${ids.maya}/consent-status`), 400, 'validation_failed', 'route');
  assertError(await api('nurse', 'GET', `/patients/${ids.maya}/consent-status?route=research`), 400,
    'validation_failed', 'route');
  const bad = await call(server.url, 'POST', `/api/v1/patients/${ids.maya}/consents`,
    { token: tokens.nurse, body: undefined, headers: { 'content-type': 'application/json' } });
  assert.equal(bad.status, 400, bad.text);
  assertError(await api('nurse', 'POST', `/patients/${ids.maya}/consents`, { typed_name: 'Maya Okafor' }), 400,
    'validation_failed', 'document_id');
  assertError(await api('nurse', 'POST', `/patients/${ids.maya}/consents`,
    { document_id: 'cdoc_nope', typed_name: 'Maya Okafor', acknowledged_sections: HEADINGS }), 404, 'not_found');
});

test("another clinic's staff get 404 on every consent route", async () => {
  const routes = [
    ['GET', `/consent-documents/${ids.oral1}`], ['POST', `/consent-documents/${ids.oral1}/publish`],
    ['POST', `/consent-documents/${ids.oral1}`, { title: 'x', body_markdown: COMPLETE }],
    ['GET', `/patients/${ids.maya}/consents`], ['GET', `/patients/${ids.maya}/consent-status?route=oral`],
    ['POST', `/patients/${ids.maya}/consents`, { document_id: ids.oral1, typed_name: 'Maya Okafor', acknowledged_sections: HEADINGS }],
    ['GET', `/consents/${ids.samuelOral}`], ['POST', `/consents/${ids.samuelOral}/withdraw`, { reason: 'x' }],
  ];
  for (const [method, path, body] of routes) {
    const r = await api('other', method, path, body);
    assert.equal(r.status, 404, `${method} ${path}: ${r.text}`);
  }
  const own = await api('other', 'GET', '/consent-documents');
  assert.equal(own.status, 200);
  assert.deepEqual(own.json.items, []);
  assert.equal((await status(ids.samuel, 'oral')).valid, true, 'nothing changed');
  assert.equal((await api('nurse', 'GET', `/consents/${ids.samuelOral}`)).json.withdrawal, null);
});

test('the audit trail holds each step', async () => {
  const events = await auditEvents(server.url, tokens.admin);
  const seen = new Set(events.map((e) => `${e.action} ${e.entity_type} ${e.outcome}`));
  for (const expected of [
    'consent.document.create consent_document success', 'consent.document.edit consent_document success',
    'consent.document.publish consent_document success', 'consent.signing.open patient success',
    'consent.sign consent success', 'consent.countersign consent success', 'consent.withdraw consent success',
    'consent.accept_version consent success', 'patient.consents.read patient success',
    'patient.consent_status.read patient success', 'consent.read consent success',
    'consent.document.create consent_document denied', 'consent.countersign consent denied',
  ]) assert.ok(seen.has(expected), `missing audit event: ${expected}`);
  const signEvent = events.find((e) => e.action === 'consent.sign' && e.entity_id === ids.mayaOral);
  assert.equal(signEvent.user_email, DEMO_USERS.nurse);
});
