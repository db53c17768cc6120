// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type ConsentDocument, type Fetch, type PatientConsents, type Role } from '../api';
import { PATIENT, buttonNamed, click, container, settle, text, type } from '../chart/chart_test_server';
import { RoutedPage } from '../shell/RoutedPage';

afterEach(() => render(null, container));

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const DOCUMENT: ConsentDocument = {
  id: 'cdoc_1', kind: 'iv', kind_label: 'IV infusion', version: '1.0', major: 1, minor: 0, title: 'IV consent', status: 'published',
  content_sha256: 'a'.repeat(64), created_by: 'rx@demo.test', created_at: '2026-11-21T10:00:00Z', updated_at: '2026-11-21T10:00:00Z',
  published_by: 'rx@demo.test', published_at: '2026-11-21T10:00:00Z',
  body_markdown: 'Please read.\n\n## Nature\nBy infusion.\n\n## Risks\n- nausea\n\n## Benefits\nRelief.\n\n## Alternatives\nOthers.\n',
  sections: ['Nature', 'Risks', 'Benefits', 'Alternatives'],
};

function server(minor: boolean, signResponse: Response) {
  const consents: PatientConsents = { consents: [], status: [], documents: [], minor, recorded_guardian: minor ? { name: 'Ruth Okafor', relationship: 'Mother' } : null };
  const fetchFn = vi.fn<Fetch>((url, init) => {
    if (url === '/api/v1/patients/pat_1/consent-documents/cdoc_1') return Promise.resolve(json(200, DOCUMENT));
    if (url === '/api/v1/patients/pat_1') return Promise.resolve(json(200, PATIENT));
    if (url === '/api/v1/patients/pat_1/consents' && init.method === 'POST') return Promise.resolve(signResponse.clone());
    if (url === '/api/v1/patients/pat_1/consents') return Promise.resolve(json(200, consents));
    return Promise.resolve(json(404, { error: { code: 'not_found', message: 'No such route.' } }));
  });
  const bodies = () => fetchFn.mock.calls.filter(([, init]) => init.method === 'POST').map(([, init]) => JSON.parse(init.body as string) as unknown);
  return { api: new ApiClient(fetchFn), bodies };
}

async function openSigning(roles: Role[], s: ReturnType<typeof server>) {
  await act(() => render(<RoutedPage path="/consent-signing/pat_1/cdoc_1" roles={roles} clinicId="cln_1" api={s.api} />, container));
  await settle();
}

const checkAll = async () => {
  for (const box of container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) await click(box);
};
const signButton = () => buttonNamed('Sign');

describe('Tablet signing', () => {
  it('shows each section with a box, and offers Sign only when all are ticked and the name typed', async () => {
    const s = server(false, json(201, {}));
    await openSigning(['front_desk'], s);
    expect(text('h1')).toBe('IV consent');
    expect([...container.querySelectorAll('.tablet-section h2')].map((h) => h.textContent)).toEqual(['Nature', 'Risks', 'Benefits', 'Alternatives']);
    expect(container.querySelector('.tablet-section li')?.textContent).toBe('nausea');
    expect(container.querySelector('fieldset')).toBeNull();
    expect(signButton()?.disabled).toBe(true);
    await checkAll();
    expect(text('.tablet-todo')).toBe('Type your full name.');
    await type('typed_name', 'Maya Okafor');
    expect(signButton()?.disabled).toBe(false);
    await click(signButton());
    await settle();
    expect(s.bodies()).toEqual([{ document_id: 'cdoc_1', typed_name: 'Maya Okafor', acknowledged_sections: ['Nature', 'Risks', 'Benefits', 'Alternatives'] }]);
    expect(text('h1')).toBe('Thank you, Maya Okafor');
    expect(buttonNamed('Staff: I have the tablet back')).toBeDefined();
  });

  it('asks a minor for the guardian, and puts a refusal next to the field it names', async () => {
    const refusal = json(400, { error: { code: 'consent_guardian_mismatch', message: 'The guardian’s name must match the guardian recorded.', field: 'guardian_name' } });
    const s = server(true, refusal);
    await openSigning(['nurse'], s);
    expect(text('fieldset legend')).toBe('Guardian');
    expect(text('fieldset p')).toContain('The guardian on record is Ruth Okafor (Mother).');
    await checkAll();
    await type('typed_name', 'Maya Okafor');
    expect(signButton()?.disabled).toBe(true);
    await type('guardian_name', 'Someone Else');
    await type('guardian_relationship', 'Aunt');
    await click(signButton());
    await settle();
    await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    expect(s.bodies()).toEqual([{ document_id: 'cdoc_1', typed_name: 'Maya Okafor', acknowledged_sections: ['Nature', 'Risks', 'Benefits', 'Alternatives'], guardian_name: 'Someone Else', guardian_relationship: 'Aunt' }]);
    const error = container.querySelector('#tablet-guardian_name-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toBe('The guardian’s name must match the guardian recorded.');
    expect(document.activeElement?.getAttribute('name')).toBe('guardian_name');
  });

  it('is refused to a therapist, who may not hand the tablet over', async () => {
    await openSigning(['therapist'], server(false, json(201, {})));
    expect(text('h1')).toBe('You do not have access to this page');
  });
});
