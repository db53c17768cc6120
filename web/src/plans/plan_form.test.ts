import { describe, expect, it } from 'vitest';
import type { TreatmentPlan } from '../plans_api_types';
import { describeDose, draftFromPlan, newDraft, readDraft, sessionDoses, templateFor, withRoute } from './plan_form';

const IV: TreatmentPlan = {
  id: 'pln_1', patient_id: 'pat_1', version: 2, indications: ['F33.2'], goals: [{ text: 'Remission', instrument: 'phq9', target_score: 4 }],
  route: 'iv', route_label: 'IV infusion', dose_unit: 'mg/kg',
  dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40, first_dose_mg: null, dose_mg: null },
  induction: { sessions: 6, max_per_week: 3, weeks: 2 }, maintenance: { interval_days: 0 }, titration: { step: 0.1, ceiling: 0.75 },
  reason: 'x', settings_version: 0, signed_by: { id: 'usr_1', display_name: 'Dr P' }, signed_at: '2026-11-21T10:00:00.000Z',
};

describe('plan templates', () => {
  it('start IV at the reference template and esketamine at its label', () => {
    expect(templateFor('iv')).toMatchObject({ mg_per_kg: '0.5', infusion_minutes: '40', sessions: '6', max_per_week: '3', weeks: '2' });
    expect(templateFor('intranasal_esketamine')).toMatchObject({ first_dose_mg: '56', dose_mg: '56', sessions: '8', max_per_week: '2', weeks: '4', interval_days: '7' });
    expect(templateFor('oral')).toMatchObject({ dose_mg: '', sessions: '' });
  });

  it('switching route replaces the dose rule, keeps indications and goals', () => {
    const d = { ...newDraft('iv', ['F33.2']), goals: [{ text: 'Sleep', instrument: '', target_score: '' }] };
    const e = withRoute(d, 'intranasal_esketamine');
    expect(e.mg_per_kg).toBe('');
    expect(e.infusion_minutes).toBe('');
    expect(e.first_dose_mg).toBe('56');
    expect(e.indications).toEqual(['F33.2']);
    expect(e.goals).toHaveLength(1);
  });
});

describe('readDraft', () => {
  it('sends only the dose fields of the route', () => {
    const iv = readDraft(newDraft('iv', ['F33.2']), 0);
    expect(iv).toEqual({
      request: {
        indications: ['F33.2'], goals: [], route: 'iv', dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40 },
        induction: { sessions: 6, max_per_week: 3, weeks: 2 }, maintenance: { interval_days: 0 }, titration: null, based_on_version: 0,
      },
    });
    const esk = readDraft({ ...newDraft('intranasal_esketamine', ['F33.2']), dose_mg: '84' }, 0);
    expect('request' in esk && esk.request.dose_rule).toEqual({ first_dose_mg: 56, dose_mg: 84 });
  });

  it('names the field at fault as the server does', () => {
    const field = (r: ReturnType<typeof readDraft>) => ('problem' in r ? r.problem.field : 'ok');
    expect(field(readDraft({ ...newDraft('iv', ['F33.2']), mg_per_kg: '' }, 0))).toBe('dose_rule.mg_per_kg');
    expect(field(readDraft({ ...newDraft('iv', ['F33.2']), infusion_minutes: '40.5' }, 0))).toBe('dose_rule.infusion_minutes');
    expect(field(readDraft(newDraft('iv', []), 0))).toBe('indications');
    expect(field(readDraft({ ...newDraft('iv', ['F33.2']), max_per_week: 'x' }, 0))).toBe('induction.max_per_week');
    expect(field(readDraft({ ...newDraft('iv', ['F33.2']), titrate: true, step: '0.1', ceiling: '' }, 0))).toBe('titration.ceiling');
    expect(field(readDraft({ ...newDraft('iv', ['F33.2']), goals: [{ text: ' ', instrument: '', target_score: '' }] }, 0))).toBe('goals[0].text');
    expect(field(readDraft(newDraft('iv', ['F33.2']), 2))).toBe('reason');
    expect(field(readDraft({ ...newDraft('iv', ['F33.2']), reason: 'Dissociation' }, 2))).toBe('ok');
  });

  it('round-trips a signed plan into a draft', () => {
    const d = draftFromPlan(IV);
    expect(d).toMatchObject({ route: 'iv', mg_per_kg: '0.5', titrate: true, step: '0.1', ceiling: '0.75', reason: '' });
    expect(d.goals).toEqual([{ text: 'Remission', instrument: 'phq9', target_score: '4' }]);
    const read = readDraft({ ...d, reason: 'More' }, 2);
    expect('request' in read && read.request.titration).toEqual({ step: 0.1, ceiling: 0.75 });
  });
});

describe('sessionDoses', () => {
  it('makes mg from mg/kg and the weight, infused for IV, and can repeat the dose', () => {
    expect(sessionDoses('iv', IV.dose_rule, 70)).toEqual([{ at_minute: 0, dose_mg: 35, infusion_minutes: 40 }]);
    expect(sessionDoses('iv', IV.dose_rule, 70, 120)).toEqual([{ at_minute: 0, dose_mg: 35, infusion_minutes: 40 }, { at_minute: 120, dose_mg: 35, infusion_minutes: 40 }]);
    expect(sessionDoses('im', { mg_per_kg: 0.5 }, 80)).toEqual([{ at_minute: 0, dose_mg: 40 }]);
    expect(sessionDoses('iv', IV.dose_rule, null)).toEqual([]);
    expect(sessionDoses('intranasal_esketamine', { first_dose_mg: 56, dose_mg: 84 }, null)).toEqual([{ at_minute: 0, dose_mg: 56 }]);
  });

  it('describes the dose for people', () => {
    expect(describeDose(IV)).toBe('0.5 mg/kg over 40 min');
    expect(describeDose({ route: 'intranasal_esketamine', dose_rule: { mg_per_kg: null, infusion_minutes: null, first_dose_mg: 56, dose_mg: 84 } })).toBe('56 mg first, then 84 mg');
  });
});
