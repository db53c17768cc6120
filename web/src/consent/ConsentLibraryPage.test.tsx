// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type ConsentDocument, type Fetch, type Role } from '../api';
import { buttonNamed, buttons, click, container, settle, text, type } from '../chart/chart_test_server';
import { RoutedPage } from '../shell/RoutedPage';

afterEach(() => render(null, container));

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const DRAFT: ConsentDocument = {
  id: 'cdoc_1', kind: 'oral', kind_label: 'Oral', version: '1.0', major: 1, minor: 0, title: 'Oral consent', status: 'draft',
  content_sha256: 'a'.repeat(64), created_by: 'rx@demo.test', created_at: '2026-11-21T10:00:00Z', updated_at: '2026-11-21T10:00:00Z',
  published_by: null, published_at: null, body_markdown: '## Nature\nBy mouth.\n## Benefits\nRelief.\n', sections: ['Nature', 'Benefits'],
};

function server() {
  let doc = { ...DRAFT };
  const fetchFn = vi.fn<Fetch>((url, init) => {
    const body = init.body === undefined ? {} : (JSON.parse(init.body as string) as Record<string, string>);
    if (url === '/api/v1/consent-documents') {
      return Promise.resolve(json(200, { items: [doc], kinds: [{ kind: 'iv', label: 'IV infusion' }, { kind: 'oral', label: 'Oral' }] }));
    }
    if (url === '/api/v1/consent-documents/cdoc_1' && init.method === 'POST') {
      doc = { ...doc, title: body.title ?? '', body_markdown: body.body_markdown ?? '' };
      return Promise.resolve(json(200, doc));
    }
    if (url === '/api/v1/consent-documents/cdoc_1') return Promise.resolve(json(200, doc));
    if (url === '/api/v1/consent-documents/cdoc_1/publish') {
      return Promise.resolve(json(400, { error: { code: 'consent_sections_missing', message: 'Missing or empty: risks and alternatives.', field: 'body_markdown' } }));
    }
    return Promise.resolve(json(404, { error: { code: 'not_found', message: 'No such route.' } }));
  });
  const calls = () => fetchFn.mock.calls.map(([url, init]) => `${init.method ?? 'GET'} ${url}`);
  return { api: new ApiClient(fetchFn), calls };
}

async function openLibrary(roles: Role[]) {
  const s = server();
  await act(() => render(<RoutedPage path="/consents" roles={roles} clinicId="cln_1" api={s.api} />, container));
  await settle();
  return s;
}

describe('Consent library', () => {
  it('lists documents by kind and lets a prescriber edit a draft with a preview; a refused publish names the field', async () => {
    const s = await openLibrary(['prescriber']);
    expect(text('h1')).toBe('Consent library');
    expect(text('#kind-iv + p')).toBe('No document yet.');
    await click(buttonNamed('Version 1.0: Oral consent'));
    expect(text('.consent-preview h4')).toBe('Nature');
    expect(text('.hint.warn')).toBe('Still missing before publishing: risks, alternatives.');
    await type('body_markdown', '## Nature\nBy mouth.\n## Benefits\nRelief.\n## Risks\nNausea.\n');
    expect(text('.hint.warn')).toBe('Still missing before publishing: alternatives.');
    await click(buttonNamed('Publish'));
    expect(s.calls().slice(-2)).toEqual(['POST /api/v1/consent-documents/cdoc_1', 'POST /api/v1/consent-documents/cdoc_1/publish']);
    const alert = container.querySelector('textarea[name="body_markdown"] ~ .field-error');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toBe('Missing or empty: risks and alternatives.');
    await settle();
    expect(document.activeElement?.getAttribute('name')).toBe('body_markdown');
  });

  it('gives a nurse the documents to read, without authoring', async () => {
    await openLibrary(['nurse']);
    expect(buttons()).not.toContain('New document or version');
    await click(buttonNamed('Version 1.0: Oral consent'));
    expect(container.querySelector('textarea')).toBeNull();
    expect(text('.consent-text h3')).toBe('Oral consent');
  });
});
