import { describe, expect, it } from 'vitest';
import type { AlarmRule, VitalsReading } from '../api';
import { chartColumns, mainRange, newestFirst, thresholdLines } from './vitals_chart_data';

const reading = (at: string, values: Partial<VitalsReading>): VitalsReading => ({
  at, systolic_mmhg: null, diastolic_mmhg: null, heart_rate_bpm: null, spo2_pct: null, respiratory_rate_per_min: null, source: 'manual', ...values,
});

// The clinic's starting rules (src/domain: SpO2 below 92 %, 200/120 once, 180/110 twice, HR above 120 for 5 min).
const RULES: AlarmRule[] = [
  { code: 'spo2_low', label: 'SpO2 below 92 %', priority: 'high', limbs: [{ sign: 'spo2_pct', direction: 'below', enter_at: 92, clear_at: 94 }] },
  { code: 'bp_very_high', label: 'BP 200/120 once', priority: 'high', limbs: [{ sign: 'systolic_mmhg', direction: 'above', enter_at: 200, clear_at: 200 }, { sign: 'diastolic_mmhg', direction: 'above', enter_at: 120, clear_at: 120 }] },
  { code: 'bp_high', label: 'BP 180/110 twice', priority: 'medium', limbs: [{ sign: 'systolic_mmhg', direction: 'above', enter_at: 180, clear_at: 170 }, { sign: 'diastolic_mmhg', direction: 'above', enter_at: 110, clear_at: 100 }] },
  { code: 'hr_high', label: 'HR above 120 for 5 min', priority: 'medium', limbs: [{ sign: 'heart_rate_bpm', direction: 'above', enter_at: 120, clear_at: 115 }] },
  { code: 'rr_low', label: 'RR below 8', priority: 'high', limbs: [{ sign: 'respiratory_rate_per_min', direction: 'below', enter_at: 8, clear_at: 10 }] },
];

describe('the vitals chart', () => {
  it('builds time-ordered columns with gaps where a value was not measured', () => {
    const readings = [reading('2026-11-21T09:10:00Z', { heart_rate_bpm: 80, spo2_pct: 97 }), reading('2026-11-21T09:00:00Z', { systolic_mmhg: 130, diastolic_mmhg: 85, heart_rate_bpm: 76 })];
    const t0 = Date.parse('2026-11-21T09:00:00Z') / 1000;
    expect(chartColumns(readings)).toEqual([[t0, t0 + 600], [76, 80], [130, null], [85, null], [null, 97]]);
    expect(newestFirst(readings).map((r) => r.at)).toEqual(['2026-11-21T09:10:00Z', '2026-11-21T09:00:00Z']);
  });

  it('draws one line per charted threshold, with its scale and the rule’s label', () => {
    expect(thresholdLines(RULES).map((l) => `${l.sign} ${l.direction} ${l.value} ${l.scale} ${l.priority} ${l.label}`)).toEqual([
      'spo2_pct below 92 spo2 high SpO2 below 92 %',
      'systolic_mmhg above 200 main high BP 200/120 once',
      'diastolic_mmhg above 120 main high BP 200/120 once',
      'systolic_mmhg above 180 main medium BP 180/110 twice',
      'diastolic_mmhg above 110 main medium BP 180/110 twice',
      'heart_rate_bpm above 120 main medium HR above 120 for 5 min',
    ]);
  });

  it('keeps the higher priority when two rules share a line', () => {
    const twin: AlarmRule = { ...RULES[3], code: 'hr_very_high', label: 'HR above 120 once', priority: 'high' } as AlarmRule;
    const lines = thresholdLines([RULES[3] as AlarmRule, twin]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ priority: 'high', label: 'HR above 120 for 5 min' });
  });

  it('scales the left axis to the readings and the thresholds', () => {
    const columns = chartColumns([reading('2026-11-21T09:00:00Z', { systolic_mmhg: 130, diastolic_mmhg: 62, heart_rate_bpm: 76 })]);
    expect(mainRange(columns, thresholdLines(RULES))).toEqual([50, 210]);
    expect(mainRange(chartColumns([]), [])).toEqual([40, 200]);
  });
});
