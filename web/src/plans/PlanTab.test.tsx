// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { TreatmentPlan } from '../plans_api_types';
import { buttonNamed, buttons, click, container, fakeServer, open, settle, text, type } from '../chart/chart_test_server';

afterEach(() => render(null, container));

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The chart's fake server plus the plan routes: one diagnosis, a 70 kg weight. */
function planServer() {
  const versions: TreatmentPlan[] = [];
  return fakeServer({
    extraRoute: (url, post, body) => {
      const base = '/api/v1/patients/pat_1/plans';
      if (url === base && !post) return json(200, { current: versions[0] ?? null, versions, diagnoses: [{ code: 'F33.2', label: 'MDD, recurrent, severe' }], weight_kg: 70 });
      if (url === base && post) {
        const rule = body.dose_rule as { mg_per_kg?: number; infusion_minutes?: number };
        if ((body.induction as { sessions: number }).sessions === 5) return json(400, { error: { code: 'validation_failed', message: 'An indication must be one of the patient’s recorded diagnoses.', field: 'indications[0]' } });
        if ((rule.mg_per_kg ?? 0) > 1) return json(400, { error: { code: 'validation_failed', message: 'The dose must be above 0 and at most 1 mg/kg (the clinic’s limit).', field: 'dose_rule.mg_per_kg' } });
        const plan: TreatmentPlan = {
          id: `pln_${versions.length + 1}`, patient_id: 'pat_1', version: versions.length + 1, indications: body.indications as string[], goals: [],
          route: 'iv', route_label: 'IV infusion', dose_unit: 'mg/kg',
          dose_rule: { mg_per_kg: rule.mg_per_kg ?? null, infusion_minutes: rule.infusion_minutes ?? null, first_dose_mg: null, dose_mg: null },
          induction: body.induction as TreatmentPlan['induction'], maintenance: { interval_days: 0 }, titration: null,
          reason: (body.reason as string | undefined) ?? '', settings_version: 0, signed_by: { id: 'usr_p', display_name: 'Dr Prescriber' }, signed_at: '2026-11-21T10:00:00.000Z',
        };
        versions.unshift(plan);
        return json(201, plan);
      }
      if (url.startsWith(`${base}/current/proposal?`))
        return json(200, {
          plan_id: 'pln_1', plan_version: 1, route: 'iv', start: '2026-11-23', horizon_weeks: 12, max_per_week: 3, week_rule: 'rolling_7_days',
          sessions: ['2026-11-23', '2026-11-25', '2026-11-27'].map((date, i) => ({ number: i + 1, phase: 'induction', date, mg_per_kg: 0.5, dose_mg: null, infusion_minutes: 40 })),
        });
      if (url === '/api/v1/pk/simulation')
        return json(200, { points: [{ minute: 0, concentration_ng_per_ml: 0 }, { minute: 40, concentration_ng_per_ml: 900 }], peak_ng_per_ml: 900, time_to_peak_minute: 40, bioavailability: 1, absorption_per_h: null, model: 'clements', model_name: 'Clements', model_source: 'src', settings_version: 0 });
      if (url === '/api/v1/instruments') return json(200, { instruments: [] });
      return undefined;
    },
  });
}

describe('The Plan tab', () => {
  it('lets a prescriber sign the first plan, with a problem shown at its field, then proposes sessions', async () => {
    const server = planServer();
    await open(['prescriber'], server);
    await click(container.querySelector('#tab-plan'));
    expect(text('#panel-plan')).toContain('No treatment plan yet.');
    await click(buttonNamed('Create a plan'));
    expect(container.querySelector<HTMLSelectElement>('[name="route"]')?.value).toBe('iv');
    expect(container.querySelector<HTMLInputElement>('[name="dose_rule.infusion_minutes"]')?.value).toBe('40');
    expect(container.querySelector<HTMLInputElement>('[name="indications"]')?.checked).toBe(true);
    expect(text('.plan-editor .pk-summary')).toBe('Peak 900 ng/mL at 40 min');

    await type('dose_rule.mg_per_kg', '1.2');
    await click(buttonNamed('Sign version 1'));
    expect(text('.plan-editor .field-error')).toBe('The dose must be above 0 and at most 1 mg/kg (the clinic’s limit).');
    expect(document.activeElement?.getAttribute('name')).toBe('dose_rule.mg_per_kg');

    await type('dose_rule.mg_per_kg', '0.5');
    await click(buttonNamed('Sign version 1'));
    await settle();
    const posts = server.bodies('/api/v1/patients/pat_1/plans');
    expect(posts.at(-1)).toEqual({
      indications: ['F33.2'], goals: [], route: 'iv', dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40 },
      induction: { sessions: 6, max_per_week: 3, weeks: 2 }, maintenance: { interval_days: 0 }, titration: null, based_on_version: 0,
    });
    expect(text('#plan-current-heading')).toBe('Current plan (version 1)');
    expect(text('.plan-tab > [role="status"]')).toBe('Version 1 signed.');
    expect(text('.plan-facts')).toContain('0.5 mg/kg over 40 min');
    expect(text('.plan-facts')).toContain('F33.2 MDD, recurrent, severe');

    await type('start', '2026-11-23');
    await click(buttonNamed('Propose sessions'));
    expect([...container.querySelectorAll('.plan-proposal tbody th')].map((th) => th.textContent)).toEqual(['2026-11-23', '2026-11-25', '2026-11-27']);
    expect(server.calls()).toContain('GET /api/v1/patients/pat_1/plans/current/proposal?start=2026-11-23&horizon_weeks=12');
  });

  it('shows a refused indication on the indications group and moves focus there', async () => {
    const server = planServer();
    await open(['prescriber'], server);
    await click(container.querySelector('#tab-plan'));
    await click(buttonNamed('Create a plan'));
    await type('induction.sessions', '5');
    await click(buttonNamed('Sign version 1'));
    expect(text('.plan-editor fieldset .field-error')).toBe('An indication must be one of the patient’s recorded diagnoses.');
    expect(text('.plan-editor .form-error')).toBe('');
    expect(document.activeElement?.getAttribute('name')).toBe('indications');
  });

  it('shows a nurse the plan without the editor', async () => {
    const server = planServer();
    await open(['nurse'], server);
    await click(container.querySelector('#tab-plan'));
    expect(text('#panel-plan')).toContain('A prescriber signs the plan.');
    expect(buttons()).not.toContain('Create a plan');
  });
});
