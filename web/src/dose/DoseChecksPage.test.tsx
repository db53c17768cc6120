// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient, type DoseOrder, type Fetch, type Role } from '../api';
import { buttonNamed, click, container, settle, text, type } from '../chart/chart_test_server';
import { RoutedPage } from '../shell/RoutedPage';

afterEach(() => render(null, container));

const blindOrder: DoseOrder = {
  id: 'dor_1', patient: { id: 'pat_1', name: 'Okafor, Maya', date_of_birth: '1986-03-14' }, plan_id: null, planned_for: '2026-11-22',
  route: 'iv', route_label: 'IV infusion', dose_rule: { mg_per_kg: 0.5, dose_mg: null, infusion_minutes: 40 }, status: 'ordered',
  blinded: true, can_check: true, weight: null, concentration_mg_per_ml: null, unrounded_dose_mg: null, dose_mg: null, dose_mg_per_kg: null,
  dose_rounding: null, volume_ml: null, volume_rounding: null, rate_ml_per_h: null, rate_rounding: null, devices: null, device_minutes: null,
  limit: null, override_reason: null, override_by: null, ordered_by: 'prescriber@demo.test', ordered_at: '2026-11-21T09:00:00Z',
  settings_version: 0, verified_by: null, verified_at: null, cancelled_at: null, cancel_reason: null, checks: [],
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function server() {
  const calls: string[] = [];
  let order = { ...blindOrder };
  const fetchFn: Fetch = (url, init) => {
    const body = init.body ? (JSON.parse(init.body as string) as Record<string, number>) : {};
    calls.push(`${init.method} ${url}${init.body ? ` ${init.body as string}` : ''}`);
    if (url === '/api/v1/dose-checks') return Promise.resolve(json(200, { items: order.status === 'verified' ? [] : [order] }));
    if (url === '/api/v1/dose-orders/dor_1/double-check') {
      if (body.concentration_mg_per_ml !== 10) {
        order = { ...order, status: 'blocked' };
        return Promise.resolve(json(409, { error: { code: 'double_check_mismatch', message: 'The double check does not match the order (concentration_mg_per_ml).', field: 'concentration_mg_per_ml' } }));
      }
      order = { ...order, status: 'verified', blinded: false, dose_mg: 35, concentration_mg_per_ml: 10, weight: { weight_kg: 69, measured_on: '2026-11-20' } };
      return Promise.resolve(json(200, order));
    }
    return Promise.resolve(json(404, { error: { code: 'not_found', message: 'Not found.' } }));
  };
  return { api: new ApiClient(fetchFn), calls };
}

async function openChecks(roles: Role[]) {
  const s = server();
  await act(() => render(<RoutedPage path="/dose-checks" roles={roles} clinicId="cln_1" api={s.api} />, container));
  await settle();
  return s;
}

describe('Dose double checks', () => {
  it('shows only the patient, route, date and rule, blocks a wrong concentration naming it, then verifies', async () => {
    const s = await openChecks(['nurse']);
    expect(text('h1')).toBe('Dose double checks');
    expect([...container.querySelectorAll('tbody tr')].map((tr) => tr.children[3]?.textContent)).toEqual(['0.5 mg/kg over 40 min']);
    await click(container.querySelector('tbody button'));
    expect(text('.dose-check dl')).toBe('RouteIV infusionPlanned for2026-11-22Dose rule0.5 mg/kg over 40 min');
    await type('weight_kg', '69');
    await type('concentration_mg_per_ml', '50');
    await click(buttonNamed('Submit double check'));
    expect(text('.dose-blocked')).toMatch(/^Blocked: the concentration does not match the order/);
    expect(container.querySelector('.dose-check')?.textContent).not.toMatch(/10 mg\/mL|35 mg/);
    expect(container.querySelector('[name="concentration_mg_per_ml"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.getAttribute('name')).toBe('concentration_mg_per_ml');
    await settle();
    expect(text('tbody tr td:nth-child(5)')).toBe('Blocked: double check did not match');
    await type('concentration_mg_per_ml', '10');
    await click(buttonNamed('Submit double check'));
    await settle();
    expect(text('.dose-verified')).toBe('Verified: Okafor, Maya, IV infusion on 2026-11-22 — 35 mg.');
    expect(text('.list-status')).toBe('No doses are awaiting a double check.');
    expect(s.calls.filter((c) => c.startsWith('POST'))).toEqual([
      'POST /api/v1/dose-orders/dor_1/double-check {"weight_kg":69,"concentration_mg_per_ml":50}',
      'POST /api/v1/dose-orders/dor_1/double-check {"weight_kg":69,"concentration_mg_per_ml":10}',
    ]);
  });

  it('refuses an empty entry before sending it', async () => {
    const s = await openChecks(['prescriber']);
    await click(container.querySelector('tbody button'));
    await type('weight_kg', '69');
    await click(buttonNamed('Submit double check'));
    expect(container.querySelector('[name="concentration_mg_per_ml"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(s.calls.some((c) => c.startsWith('POST'))).toBe(false);
  });

  it('keeps the page from a therapist', async () => {
    const s = await openChecks(['therapist']);
    expect(text('h1')).toBe('You do not have access to this page');
    expect(s.calls).toEqual([]);
  });
});
