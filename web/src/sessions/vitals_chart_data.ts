// The live vitals chart's data: the readings as uPlot columns (time in seconds, then
// HR, systolic, diastolic, SpO2; a value not measured is null, a gap in its line) and
// the alarm thresholds to draw, taken from the session's alarm rules.
import type { AlarmPriority, AlarmRule, VitalSign, VitalsReading } from '../api';

/** The signs drawn, in series order, with the scale each one uses. */
export const CHART_SIGNS: readonly { sign: VitalSign; label: string; scale: 'main' | 'spo2' }[] = [
  { sign: 'heart_rate_bpm', label: 'Heart rate (/min)', scale: 'main' },
  { sign: 'systolic_mmhg', label: 'Systolic BP (mmHg)', scale: 'main' },
  { sign: 'diastolic_mmhg', label: 'Diastolic BP (mmHg)', scale: 'main' },
  { sign: 'spo2_pct', label: 'SpO2 (%)', scale: 'spo2' },
];

export type ChartColumns = [number[], ...(number | null)[][]];

/** uPlot's columns from the readings (any order), oldest first. */
export function chartColumns(readings: readonly VitalsReading[]): ChartColumns {
  const sorted = [...readings].sort((a, b) => a.at.localeCompare(b.at));
  const xs = sorted.map((r) => new Date(r.at).getTime() / 1000);
  return [xs, ...CHART_SIGNS.map(({ sign }) => sorted.map((r) => r[sign]))];
}

export interface ThresholdLine {
  sign: VitalSign;
  scale: 'main' | 'spo2';
  value: number;
  direction: 'above' | 'below';
  priority: AlarmPriority;
  /** "SpO2 below 92 %": the rule's own label. */
  label: string;
}

/**
 * One line per charted sign and value at which an alarm starts (`enter_at`); when two
 * rules share a line, the higher priority and the first label are kept.
 */
export function thresholdLines(rules: readonly AlarmRule[]): ThresholdLine[] {
  const lines: ThresholdLine[] = [];
  const rank = { high: 0, medium: 1, low: 2 };
  for (const rule of rules) {
    for (const limb of rule.limbs) {
      const charted = CHART_SIGNS.find((c) => c.sign === limb.sign);
      if (!charted) continue;
      const same = lines.find((l) => l.sign === limb.sign && l.value === limb.enter_at);
      if (same) {
        if (rank[rule.priority] < rank[same.priority]) same.priority = rule.priority;
        continue;
      }
      lines.push({ sign: limb.sign, scale: charted.scale, value: limb.enter_at, direction: limb.direction, priority: rule.priority, label: rule.label });
    }
  }
  return lines;
}

/** The y range of the main scale: the readings and the thresholds, with room around them. */
export function mainRange(columns: ChartColumns, lines: readonly ThresholdLine[]): [number, number] {
  const values = [...columns.slice(1, 4).flat(), ...lines.filter((l) => l.scale === 'main').map((l) => l.value)].filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return [40, 200];
  return [Math.max(0, Math.floor((Math.min(...values) - 10) / 10) * 10), Math.ceil((Math.max(...values) + 10) / 10) * 10];
}

/** The readings newest first, for the table beside the chart. */
export function newestFirst(readings: readonly VitalsReading[]): VitalsReading[] {
  return [...readings].sort((a, b) => b.at.localeCompare(a.at));
}
