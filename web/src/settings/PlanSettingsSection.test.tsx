// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type Fetch } from '../api';
import type { PlanSettings } from '../plans_api_types';
import { PlanSettingsSection } from './PlanSettingsSection';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const DEFAULTS: PlanSettings = {
  version: 0, max_mg_per_kg: 1, pk_model: 'clements',
  pk_models: [{ code: 'domino', name: 'Domino (3-compartment)', source: 'Domino 1984' }, { code: 'clements', name: 'Clements (2-compartment)', source: 'Clements & Nimmo 1981' }],
  routes: [
    { route: 'iv', label: 'IV infusion', bioavailability: 1, absorption_per_h: null },
    { route: 'sc', label: 'Subcutaneous', bioavailability: null, absorption_per_h: null },
    { route: 'oral', label: 'Oral', bioavailability: 0.25, absorption_per_h: null },
  ],
  updated_at: null, updated_by: null,
};

function fakeApi() {
  let settings = DEFAULTS;
  const fetchFn = vi.fn<Fetch>((_url, init) => {
    if (init.method !== 'POST') return Promise.resolve(json(200, settings));
    const body = JSON.parse(init.body as string) as { routes: { bioavailability: number | null }[] };
    if (body.routes.some((r) => r.bioavailability !== null && r.bioavailability > 1))
      return Promise.resolve(json(400, { error: { code: 'validation_failed', message: 'Bioavailability must be above 0 and at most 1.', field: 'routes[2].bioavailability' } }));
    settings = { ...settings, version: 1, updated_at: '2026-11-21T10:00:00Z', updated_by: 'admin@demo.test', routes: settings.routes.map((r) => (r.route === 'oral' ? { ...r, absorption_per_h: 1.2 } : r)) };
    return Promise.resolve(json(200, settings));
  });
  return { api: new ApiClient(fetchFn), fetchFn };
}

async function type(name: string, value: string) {
  const field = container.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!field) throw new Error(`no field ${name}`);
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const save = async () => {
  await act(() => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Save plan settings')?.click());
  await settle();
};

describe('Plan settings', () => {
  it('shows the defaults, IV fixed, and saves every route', async () => {
    const { api, fetchFn } = fakeApi();
    await act(() => render(<PlanSettingsSection api={api} />, container));
    await settle();
    expect(container.querySelector('h2')?.textContent).toBe('Treatment plans');
    expect(container.querySelector('.settings-panel > p')?.textContent).toBe('Clinic defaults, never changed.');
    expect(container.querySelector('[name="routes[0].bioavailability"]')).toBeNull();
    expect(container.querySelector<HTMLInputElement>('[name="routes[1].bioavailability"]')?.value).toBe('');
    expect(container.querySelector('caption')?.textContent).toContain('no published source');

    await type('routes[2].absorption_per_h', '1.2');
    await save();
    const posted = fetchFn.mock.calls.filter(([, init]) => init.method === 'POST').map(([, init]) => JSON.parse(init.body as string) as unknown);
    expect(posted).toEqual([{
      max_mg_per_kg: 1, pk_model: 'clements',
      routes: [
        { route: 'iv', bioavailability: 1, absorption_per_h: null },
        { route: 'sc', bioavailability: null, absorption_per_h: null },
        { route: 'oral', bioavailability: 0.25, absorption_per_h: 1.2 },
      ],
    }]);
    expect(container.querySelector('.settings-panel > p')?.textContent).toMatch(/^Version 1, last changed .* by admin@demo\.test\.$/);
    expect(container.querySelector('[role="status"].form-status')?.textContent).toBe('Settings saved.');
  });

  it('shows the server’s problem at the route’s field and moves focus there', async () => {
    const { api } = fakeApi();
    await act(() => render(<PlanSettingsSection api={api} />, container));
    await settle();
    await type('routes[2].bioavailability', '1.5');
    await save();
    expect(container.querySelector('.field-error')?.textContent).toBe('Bioavailability must be above 0 and at most 1.');
    expect(document.activeElement?.getAttribute('name')).toBe('routes[2].bioavailability');
  });
});
