// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type Fetch, type Role } from '../api';
import { CATALOGUE } from '../measures/measures_fixtures';
import { RoutedPage } from '../shell/RoutedPage';
import { dashboardFor } from './dashboard_fixtures';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));
beforeEach(() => history.replaceState(null, '', '/outcomes'));

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function fakeServer() {
  let polls = 0;
  const fetchFn = vi.fn<Fetch>((url, init) => {
    const path = url.split('?')[0] ?? '';
    const query = new URLSearchParams(url.split('?')[1] ?? '');
    if (path === '/api/v1/instruments') return Promise.resolve(json(200, { instruments: CATALOGUE }));
    if (path === '/api/v1/dashboards/outcomes') {
      if (query.get('indication') === 'ocd') return Promise.resolve(json(400, { error: { code: 'validation_failed', message: 'The server refuses OCD today.', field: 'indication' } }));
      const route = query.get('route');
      return Promise.resolve(json(200, dashboardFor(route === 'iv' ? { route: 'iv' } : {})));
    }
    if (path === '/api/v1/exports/research' && init.method === 'POST') return Promise.resolve(json(202, { id: 'exp_1', state: 'running', done: 0, total: 2, rows: 0, created_at: '2026-11-21T10:00:00Z' }));
    if (path === '/api/v1/exports/research/exp_1') {
      polls++;
      return Promise.resolve(json(200, { id: 'exp_1', state: 'done', done: 2, total: 2, rows: 17, created_at: '2026-11-21T10:00:00Z' }));
    }
    return Promise.resolve(json(404, { error: { code: 'not_found', message: 'No such route.' } }));
  });
  const calls = () => fetchFn.mock.calls.map(([url, init]) => `${init.method ?? 'GET'} ${url}`);
  const bodies = (url: string) => fetchFn.mock.calls.filter(([u, init]) => u === url && init.method === 'POST').map(([, init]) => JSON.parse(init.body as string) as unknown);
  return { api: new ApiClient(fetchFn), calls, bodies, polls: () => polls };
}

const settle = (ms = 0) => act(() => new Promise((r) => setTimeout(r, ms)));
const text = (selector: string) => container.querySelector(selector)?.textContent ?? '';
async function openPage(roles: Role[], server = fakeServer()) {
  await act(() => render(<RoutedPage path="/outcomes" roles={roles} clinicId="cln_1" api={server.api} />, container));
  await settle();
  return server;
}
async function choose(name: string, value: string) {
  const field = container.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  if (!field) throw new Error(`no field ${name}`);
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}
async function show() {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Show');
  await act(() => button?.click());
  await settle();
}

describe('the Outcomes page', () => {
  it('opens the view the address names, and shows the tiles, the groups with N and 95 % intervals, and the safety figures', async () => {
    history.replaceState(null, '', '/outcomes?route=iv&x=1');
    const server = await openPage(['prescriber']);
    expect(server.calls()[0]).toBe('GET /api/v1/dashboards/outcomes?route=iv');
    expect((container.querySelector('[name="route"]') as HTMLSelectElement).value).toBe('iv');
    expect([...container.querySelectorAll('.tile dd')].map((dd) => dd.textContent)).toEqual(['30', '180']);
    expect(text('.outcomes-page > [role="status"]')).toBe('Showing 2025-11-22 to 2026-11-21, IV infusion, all indications, PHQ-9.');
    const rows = [...container.querySelectorAll('.outcome-groups tbody tr:not(.group-kind)')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows[0]).toEqual(['All patients', '40', '35', '20 of 35 (57.1 %)95 % CI 40.5–72.3 %', '10 of 35 (28.6 %)95 % CI 16.3–45.0 %', '12.5']);
    expect(rows[2]?.[5]).toBe('—');
    expect([...container.querySelectorAll('.outcome-groups .group-kind th')].map((th) => th.textContent)).toEqual(['By route', 'By indication']);
    expect(container.querySelectorAll('.outcome-groups svg.ci-bar[aria-hidden="true"]')).toHaveLength(6);
    expect(text('#adverse-heading + p')).toBe('13.5 per 100 sessions (31 in all, 0 serious).');
    expect(text('.bar-table tbody tr')).toBe('Nausea125.2');
    expect(container.querySelector('#hypertension-heading')?.parentElement?.textContent).toContain('1.3 % of sessions (3 of 230); 95 % CI 0.4–3.8 %');
    expect(container.querySelector('#hypertension-heading')?.parentElement?.textContent).toContain('about 1 % of sessions (Yale 2024');
    expect(text('#alarms-heading + p')).toBe('0.17 per session (40 in all).');
    expect(container.querySelector('.research-export')).toBeNull();
  });

  it('puts the filters into the address when shown, so a link reopens the same view', async () => {
    const server = await openPage(['admin']);
    expect(server.calls()[0]).toBe('GET /api/v1/dashboards/outcomes');
    await choose('route', 'iv');
    await choose('from', '2026-01-01');
    await show();
    expect(server.calls()).toContain('GET /api/v1/dashboards/outcomes?from=2026-01-01&route=iv');
    expect(location.pathname + location.search).toBe('/outcomes?from=2026-01-01&route=iv');
    expect([...container.querySelectorAll('.tile dd')].map((dd) => dd.textContent)).toEqual(['30', '180']);
  });

  it('refuses an inverted range itself, and shows the server’s refusal next to the filter it names', async () => {
    const server = await openPage(['admin']);
    await choose('from', '2026-06-01');
    await choose('to', '2026-05-01');
    await show();
    expect(text('.dashboard-filters .field-error')).toBe('The last day is before the first day: swap them or change one.');
    expect(document.activeElement?.getAttribute('name')).toBe('to');
    expect(server.calls().filter((c) => c.includes('from=2026-06-01'))).toEqual([]);
    await choose('to', '');
    await choose('indication', 'ocd');
    await show();
    const indication = container.querySelector('[name="indication"]')?.closest('.field');
    expect(indication?.querySelector('.field-error')?.textContent).toBe('The server refuses OCD today.');
    expect(container.querySelector('[name="indication"]')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('lets the admin export the current selection for research, following its progress to the download link', async () => {
    history.replaceState(null, '', '/outcomes?route=iv');
    const server = await openPage(['admin']);
    expect(container.querySelector('.research-export a[href="/api/v1/exports/research/dictionary.csv"]')?.textContent).toBe('Data dictionary (CSV)');
    const start = [...container.querySelectorAll<HTMLButtonElement>('.research-export button')].find((b) => b.textContent === 'Start research export');
    await act(() => start?.click());
    await settle();
    expect(server.bodies('/api/v1/exports/research')).toEqual([{ from: '2025-11-22', to: '2026-11-21', route: 'iv' }]);
    expect(text('.export-status')).toBe('Exporting: 0 of 2 patients ');
    expect(container.querySelector('.export-status progress')?.getAttribute('max')).toBe('2');
    await settle(600);
    expect(server.polls()).toBe(1);
    expect(text('.export-status')).toBe('Export ready: 17 rows. Download data.csv');
    expect(container.querySelector('.export-status a')?.getAttribute('href')).toBe('/api/v1/exports/research/exp_1/data.csv');
  });

  it('refuses the page to a nurse without calling the dashboard', async () => {
    const server = await openPage(['nurse']);
    expect(text('[role="alert"] h1')).toBe('You do not have access to this page');
    expect(server.calls()).toEqual([]);
  });
});
