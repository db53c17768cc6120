// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient, type DoseCalculation, type DoseOrder, type Fetch, type PatientExposure } from '../api';
import { buttonNamed, buttons, click, container, settle, text, type } from '../chart/chart_test_server';
import { DoseTab } from './DoseTab';

afterEach(() => render(null, container));

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const EXPOSURE: PatientExposure = {
  exposure: { from: '2026-10-23', to: '2026-11-21', total_mg: 35, total_mg_per_kg: 0.507, sessions: 1, doses_without_weight: 0 },
  latest_weight: { weight_kg: 69, measured_on: '2026-11-20', age_days: 1, stale: false },
  max_weight_age_days: 30,
};

function calculation(mgPerKg: number): DoseCalculation {
  const above = mgPerKg > 1;
  return {
    route: 'iv', route_label: 'IV infusion', planned_for: '2026-11-21', dose_rule: { mg_per_kg: mgPerKg, dose_mg: null, infusion_minutes: 40 },
    weight: { weight_kg: 69, measured_on: '2026-11-20', age_days: 1, max_age_days: 30 }, concentration_mg_per_ml: 10,
    unrounded_dose_mg: 34.5, dose_mg: 35, dose_mg_per_kg: 0.507, dose_rounding: '34.5 mg rounded to 35 mg (nearest 1 mg)',
    volume_ml: 3.5, volume_rounding: '35 mg at 10 mg/mL is 3.5 mL, rounded to 3.5 mL (nearest 0.1 mL)',
    rate_ml_per_h: 5.3, rate_rounding: '3.5 mL over 40 min is 5.25 mL/h, rounded to 5.3 mL/h (nearest 0.1 mL/h)', devices: null, device_minutes: [],
    limit: { verdict: above ? 'above_soft' : 'within', soft: 1, hard: 4.5, unit: 'mg/kg', text: '', needs_override_reason: above, refused: false },
    exposure: EXPOSURE.exposure, settings_version: 0,
  };
}

function server({ exposure = EXPOSURE, orders = [] as DoseOrder[] } = {}) {
  const posts: string[] = [];
  const fetchFn: Fetch = (url, init) => {
    const body = init.body ? (JSON.parse(init.body as string) as { dose_rule: { mg_per_kg: number }; override_reason?: string }) : null;
    if (init.method === 'POST') posts.push(`${url} ${init.body as string}`);
    if (url === '/api/v1/patients/pat_1/exposure') return Promise.resolve(json(200, exposure));
    if (url === '/api/v1/patients/pat_1/dose-orders' && !body) return Promise.resolve(json(200, { items: orders }));
    if (url === '/api/v1/patients/pat_1/dose-calculations' && body) return Promise.resolve(json(200, calculation(body.dose_rule.mg_per_kg)));
    if (url === '/api/v1/patients/pat_1/dose-orders' && body) {
      if (body.dose_rule.mg_per_kg > 1 && !body.override_reason)
        return Promise.resolve(json(400, { error: { code: 'override_reason_required', message: 'Give the reason for the override.', field: 'override_reason' } }));
      return Promise.resolve(json(201, { id: 'dor_9', planned_for: '2026-11-21', dose_mg: 35 }));
    }
    return Promise.resolve(json(404, { error: { code: 'not_found', message: 'Not found.' } }));
  };
  return { api: new ApiClient(fetchFn), posts };
}

async function openTab(s: ReturnType<typeof server>, canOrder: boolean) {
  await act(() => render(<DoseTab api={s.api} patientId="pat_1" canOrder={canOrder} />, container));
  await settle();
}

describe('the Dose tab', () => {
  it('calculates with the rounding stated, asks a reason above the soft limit, and orders', async () => {
    const s = server();
    await openTab(s, true);
    expect(text('.dose-weight')).toBe('Latest weight: 69 kg on 2026-11-20 (1 day ago).');
    await type('dose_rule.mg_per_kg', '1.2');
    await type('concentration_mg_per_ml', '10');
    await click(buttonNamed('Calculate'));
    expect(text('.dose-result')).toContain('34.5 mg rounded to 35 mg (nearest 1 mg)');
    expect(text('.dose-result')).toContain('5.3 mL/h');
    expect(text('.dose-verdict')).toBe('Above the soft limit of 1 mg/kg: a prescriber must give a reason to order it.');
    expect(container.querySelector('[name="override_reason"]')).not.toBeNull();
    await click(buttonNamed('Order this dose'));
    expect(container.querySelector('[name="override_reason"]')?.getAttribute('aria-invalid')).toBe('true');
    await type('override_reason', 'Partial response at 1.0 mg/kg.');
    await click(buttonNamed('Order this dose'));
    expect(s.posts.at(-1)).toContain('"override_reason":"Partial response at 1.0 mg/kg."');
    expect(text('.form-status')).toBe('Dose ordered: 35 mg on 2026-11-21. A second clinician must now double-check it.');
  });

  it('does not offer ordering to a nurse, and hides a blinded order’s dose', async () => {
    const blinded = { id: 'dor_1', planned_for: '2026-11-22', route: 'iv', route_label: 'IV infusion', dose_rule: { mg_per_kg: 0.5, dose_mg: null, infusion_minutes: 40 },
      status: 'ordered', blinded: true, ordered_at: '2026-11-21T09:00:00Z', ordered_by: 'prescriber@demo.test', override_reason: null, cancel_reason: null } as unknown as DoseOrder;
    const s = server({ orders: [blinded] });
    await openTab(s, false);
    await type('dose_rule.mg_per_kg', '0.5');
    await type('concentration_mg_per_ml', '10');
    await click(buttonNamed('Calculate'));
    expect(buttons()).not.toContain('Order this dose');
    expect([...container.querySelectorAll('.dose-orders tbody td')].map((td) => td.textContent).slice(0, 5)).toEqual(['2026-11-22', 'IV infusion', '0.5 mg/kg over 40 min', 'Hidden until double-checked', 'Awaiting double check']);
  });

  it('says plainly when the latest weight is too old', async () => {
    await openTab(server({ exposure: { ...EXPOSURE, latest_weight: { weight_kg: 80, measured_on: '2026-10-06', age_days: 46, stale: true } } }), true);
    expect(text('.dose-weight-stale')).toBe('The latest weight, 80 kg on 2026-10-06, is 46 days old: too old for dosing (the clinic allows 30 days). Record a new weight on the Record tab.');
  });
});
