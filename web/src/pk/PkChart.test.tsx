// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type Fetch } from '../api';
import { PkChart } from './PkChart';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function fakeApi(answer: (body: Record<string, unknown>) => Response) {
  const fetchFn = vi.fn<Fetch>((_url, init) => Promise.resolve(answer(JSON.parse(init.body as string) as Record<string, unknown>)));
  return { api: new ApiClient(fetchFn), fetchFn };
}

const SIM = {
  points: [0, 1, 2, 3].map((minute) => ({ minute, concentration_ng_per_ml: [0, 50, 80, 60][minute] })),
  peak_ng_per_ml: 80, time_to_peak_minute: 2, bioavailability: 0.48, absorption_per_h: 2.7,
  model: 'clements', model_name: 'Clements (2-compartment)', model_source: 'Clements & Nimmo 1981', settings_version: 3,
};

describe('PkChart', () => {
  it('asks the server for the doses and says where the peak is', async () => {
    const { api, fetchFn } = fakeApi(() => json(200, SIM));
    await act(() => render(<PkChart api={api} route="intranasal_esketamine" weightKg={70} doses={[{ at_minute: 0, dose_mg: 56 }]} />, container));
    await settle();
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(fetchFn.mock.calls[0]?.[0]).toBe('/api/v1/pk/simulation');
    expect(JSON.parse(fetchFn.mock.calls[0]?.[1].body as string)).toEqual({ route: 'intranasal_esketamine', weight_kg: 70, hours: 6, doses: [{ at_minute: 0, dose_mg: 56 }] });
    expect(container.querySelector('.pk-summary')?.textContent).toBe('Peak 80 ng/mL at 2 min');
    expect(container.querySelector('.pk-summary')?.getAttribute('role')).toBe('status');
    expect(container.querySelector('figure')?.getAttribute('aria-label')).toBe('Predicted plasma concentration');
    expect(container.querySelector('.hint')?.textContent).toContain('absorption rate 2.7 per hour (clinic setting)');
    expect([...container.querySelectorAll('.pk-table tbody th')].map((th) => th.textContent)).toEqual(['0 min', '2 min (peak)']);

    // The same inputs in a new array do not ask again.
    await act(() => render(<PkChart api={api} route="intranasal_esketamine" weightKg={70} doses={[{ at_minute: 0, dose_mg: 56 }]} />, container));
    await settle();
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it('asks for nothing without a weight and says why', async () => {
    const { api, fetchFn } = fakeApi(() => json(200, SIM));
    await act(() => render(<PkChart api={api} route="iv" weightKg={null} doses={[{ at_minute: 0, dose_mg: 35, infusion_minutes: 40 }]} />, container));
    await settle();
    expect(fetchFn).not.toHaveBeenCalled();
    expect(container.textContent).toContain('Record the patient’s weight');
  });

  it('announces a missing clinic setting', async () => {
    const { api } = fakeApi(() => json(400, { error: { code: 'absorption_rate_needed', message: 'x', field: 'absorption_per_h' } }));
    await act(() => render(<PkChart api={api} route="oral" weightKg={70} doses={[{ at_minute: 0, dose_mg: 100 }]} />, container));
    await settle();
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toMatch(/absorption rate \(ka\)/);
    expect(container.querySelector('.pk-summary')).toBeNull();
  });
});
