import { describe, expect, it } from 'vitest';
import { emptyEffect, emptyVitals, readAldrete, readBpDecision, readDrugLot, readEffect, readFollowUp, readRateChange, readRescue, readStartRate, readVitals } from './session_forms';

const NOW = new Date(2026, 10, 21, 10, 0);
const fieldOf = (r: { problem: { field?: string } } | { value: unknown }) => ('problem' in r ? r.problem.field : 'ok');

describe('a vital-signs reading', () => {
  it('sends only the values typed, named as the server names them', () => {
    expect(readVitals({ ...emptyVitals(), systolic_mmhg: '128', diastolic_mmhg: '82', spo2_pct: ' 98 ' }, NOW)).toEqual({ value: { systolic_mmhg: 128, diastolic_mmhg: 82, spo2_pct: 98 } });
  });

  it('refuses an empty reading and impossible values, at their fields', () => {
    expect(fieldOf(readVitals(emptyVitals(), NOW))).toBe('readings[0].systolic_mmhg');
    expect(fieldOf(readVitals({ ...emptyVitals(), spo2_pct: '101' }, NOW))).toBe('readings[0].spo2_pct');
    expect(fieldOf(readVitals({ ...emptyVitals(), heart_rate_bpm: '0' }, NOW))).toBe('readings[0].heart_rate_bpm');
    expect(fieldOf(readVitals({ ...emptyVitals(), heart_rate_bpm: '301' }, NOW))).toBe('readings[0].heart_rate_bpm');
    expect(fieldOf(readVitals({ ...emptyVitals(), systolic_mmhg: '80', diastolic_mmhg: '90' }, NOW))).toBe('readings[0].diastolic_mmhg');
    expect(fieldOf(readVitals({ ...emptyVitals(), respiratory_rate_per_min: 'twelve' }, NOW))).toBe('readings[0].respiratory_rate_per_min');
  });

  it('takes a time in the past, not in the future', () => {
    expect(readVitals({ ...emptyVitals(), spo2_pct: '97', at: '2026-11-21T09:50' }, NOW)).toEqual({ value: { spo2_pct: 97, at: new Date(2026, 10, 21, 9, 50).toISOString() } });
    expect(fieldOf(readVitals({ ...emptyVitals(), spo2_pct: '97', at: '2026-11-21T10:30' }, NOW))).toBe('readings[0].at');
  });
});

describe('an effect', () => {
  const nausea = { ...emptyEffect(), kind: 'nausea', severity: 'mild' };

  it('needs kind, severity and outcome', () => {
    expect(fieldOf(readEffect(emptyEffect()))).toBe('kind');
    expect(fieldOf(readEffect({ ...emptyEffect(), kind: 'nausea' }))).toBe('severity');
    expect(readEffect({ ...nausea, intervention: ' ondansetron 4 mg ' })).toEqual({
      value: { kind: 'nausea', severity: 'mild', outcome: 'ongoing', description: '', intervention: 'ondansetron 4 mg', serious: false, narrative: '' },
    });
  });

  it('asks a narrative of a serious adverse event, and a description of "other"', () => {
    expect(readEffect({ ...nausea, serious: true })).toMatchObject({ problem: { field: 'narrative' } });
    expect(fieldOf(readEffect({ ...nausea, serious: true, narrative: 'Vomited twice; transferred.' }))).toBe('ok');
    expect(fieldOf(readEffect({ ...nausea, kind: 'other' }))).toBe('description');
  });

  it('drops a narrative typed before "serious" was unticked', () => {
    expect(readEffect({ ...nausea, narrative: 'left over' })).toMatchObject({ value: { narrative: '' } });
  });
});

describe('the dose forms', () => {
  it('checks a rescue medicine', () => {
    expect(fieldOf(readRescue({ drug: 'labetalol', dose_mg: '-1', route: 'iv', reason: 'BP' }))).toBe('dose_mg');
    expect(fieldOf(readRescue({ drug: 'labetalol', dose_mg: '10', route: '', reason: 'BP' }))).toBe('route');
    expect(readRescue({ drug: ' labetalol ', dose_mg: '10', route: 'iv', reason: 'BP 200/115' })).toEqual({ value: { drug: 'labetalol', dose_mg: 10, route: 'iv', reason: 'BP 200/115' } });
  });

  it('needs a rate and a reason to change the infusion', () => {
    expect(fieldOf(readRateChange('', 'x'))).toBe('rate_ml_per_h');
    expect(fieldOf(readRateChange('90', ' '))).toBe('reason');
    expect(readRateChange('90', 'BP rising')).toEqual({ value: { rate_ml_per_h: 90, reason: 'BP rising' } });
  });

  it('starts at the ordered rate unless another is typed', () => {
    expect(readStartRate('')).toEqual({ value: undefined });
    expect(readStartRate('120')).toEqual({ value: 120 });
    expect(fieldOf(readStartRate('0'))).toBe('rate_ml_per_h');
  });

  it('refuses an expired lot', () => {
    expect(fieldOf(readDrugLot('', '2027-03-31', '2026-11-21'))).toBe('lot');
    expect(readDrugLot('K1234', '2026-11-20', '2026-11-21')).toEqual({ problem: { field: 'expiry_date', message: 'This lot expired on 2026-11-20: use another lot.' } });
    expect(readDrugLot(' K1234 ', '2026-11-21', '2026-11-21')).toEqual({ value: { lot: 'K1234', expiry_date: '2026-11-21' } });
  });

  it('needs a reason to proceed despite a high pre-dose pressure, not to defer', () => {
    expect(fieldOf(readBpDecision('', ''))).toBe('decision');
    expect(fieldOf(readBpDecision('proceed', ' '))).toBe('reason');
    expect(readBpDecision('defer', '')).toEqual({ value: { decision: 'defer', reason: '' } });
  });
});

describe('recovery and follow-up', () => {
  it('scores the three observed Aldrete items', () => {
    expect(fieldOf(readAldrete({ activity: '2', respiration: '', consciousness: '2', on_room_air: true }))).toBe('respiration');
    expect(readAldrete({ activity: '2', respiration: '1', consciousness: '0', on_room_air: false })).toEqual({ value: { activity: 2, respiration: 1, consciousness: 0, on_room_air: false } });
  });

  it('books a follow-up in the future with staff', () => {
    const draft = { type: 'integration', start: '2026-11-28T10:00', room_id: '', staff_ids: ['usr_t'] };
    expect(readFollowUp(draft, NOW)).toEqual({ value: { ...draft, start: new Date(2026, 10, 28, 10, 0).toISOString() } });
    expect(fieldOf(readFollowUp({ ...draft, start: '2026-11-20T10:00' }, NOW))).toBe('start');
    expect(fieldOf(readFollowUp({ ...draft, staff_ids: [] }, NOW))).toBe('staff_ids');
    expect(fieldOf(readFollowUp({ ...draft, type: 'dosing_session' }, NOW))).toBe('type');
  });
});
