// What a progress chart draws, prepared without a canvas so it can be tested: values
// over time (x in Unix seconds, uPlot's unit), session markers at the sessions'
// own times, the y range, and the x range with room either side.
import { toSeconds } from '../measures/trajectory_data';
import type { Threshold } from './progress_rules';

export interface TimeValue {
  at: string;
  value: number;
}

const DAY_S = 24 * 3600;

/** uPlot's aligned data, oldest first: x (seconds), y. */
export function plotColumns(points: readonly TimeValue[]): [number[], number[]] {
  const sorted = [...points].sort((a, b) => a.at.localeCompare(b.at));
  return [sorted.map((p) => toSeconds(p.at)), sorted.map((p) => p.value)];
}

/** Session instants in seconds; unreadable times are skipped. */
export function markerSeconds(instants: readonly string[]): number[] {
  return instants.map(toSeconds).filter((t) => Number.isFinite(t));
}

/**
 * The x range: every point and marker, with room either side (three days around a
 * lone instant; else 5 % of the span, at least half a day). Null with nothing to show.
 */
export function xRange(points: readonly TimeValue[], markers: readonly number[]): [number, number] | null {
  const times = [...points.map((p) => toSeconds(p.at)), ...markers].filter((t) => Number.isFinite(t));
  if (times.length === 0) return null;
  const min = Math.min(...times);
  const max = Math.max(...times);
  if (min === max) return [min - 3 * DAY_S, max + 3 * DAY_S];
  const pad = Math.max((max - min) * 0.05, DAY_S / 2);
  return [min - pad, max + pad];
}

/** The y range: the scale's bounds when known, else 0 up to a tenth above the highest value or threshold. */
export function yRange(points: readonly TimeValue[], min: number, max: number | null, thresholds: readonly Threshold[] = []): [number, number] {
  if (max !== null) return [min, max];
  const top = Math.max(0, ...points.map((p) => p.value), ...thresholds.map((t) => t.value));
  return [min, top === 0 ? 1 : Math.ceil(top * 1.1)];
}
