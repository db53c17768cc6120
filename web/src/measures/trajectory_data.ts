// What a trajectory chart draws and its table lists, prepared from the server's
// points without touching a canvas, so it can be tested on its own. Times on the
// chart's x axis are Unix seconds (uPlot's unit); dates read in local time like
// every other date in the app.
import type { Instrument, ScoredPoint } from '../api';
import { formatDateTime } from '../ui/format';

/** One submitted response, as a row of the accessible table. */
export interface TrajectoryRow {
  responseId: string;
  /** The ISO instant, for <time dateTime>. */
  at: string;
  /** Local "YYYY-MM-DD HH:MM:SS". */
  when: string;
  total: number;
  band: string;
}

/** A severity band on the y axis, from `from` up to `to` (the next band's start, or the instrument's maximum). */
export interface BandRange {
  label: string;
  from: number;
  to: number;
}

const HOUR_S = 3600;
const DAY_S = 24 * HOUR_S;

/** The figure's accessible name, e.g. "PHQ-9 scores over time". */
export const chartLabel = (name: string) => `${name} scores over time`;

/** The table's caption, e.g. "PHQ-9 scores". */
export const tableCaption = (name: string) => `${name} scores`;

/** Unix seconds of an ISO instant. */
export const toSeconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** The table's rows, oldest first as the server sends them. */
export function trajectoryRows(points: readonly ScoredPoint[]): TrajectoryRow[] {
  return points.map((p) => ({ responseId: p.response_id, at: p.at, when: formatDateTime(p.at), total: p.total, band: p.band }));
}

/** uPlot's aligned data: x (seconds), y (totals). */
export function plotData(points: readonly ScoredPoint[]): [number[], number[]] {
  return [points.map((p) => toSeconds(p.at)), points.map((p) => p.total)];
}

/** The bands as ranges of the y axis, lowest first; bands outside min..max are clipped. */
export function bandRanges(instrument: Pick<Instrument, 'bands' | 'min_total' | 'max_total'>): BandRange[] {
  const bands = [...instrument.bands].sort((a, b) => a.min_total - b.min_total);
  return bands
    .map((band, i) => ({
      label: band.label,
      from: Math.max(band.min_total, instrument.min_total),
      to: Math.min(bands[i + 1]?.min_total ?? instrument.max_total, instrument.max_total),
    }))
    .filter((range) => range.to > range.from || (range.to === range.from && range.to === instrument.max_total));
}

/** Midday, local time, of each dosing-session day (YYYY-MM-DD), in Unix seconds; malformed days are skipped. */
export function sessionMarkerTimes(days: readonly string[]): number[] {
  return days.flatMap((day) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (!match) return [];
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    return [Math.floor(new Date(y, m - 1, d, 12).getTime() / 1000)];
  });
}

/**
 * The x axis's range: every point and session marker, with some room either side
 * (three days around a lone point; else 5% of the span, at least half a day).
 */
export function timeRange(points: readonly ScoredPoint[], sessionDays: readonly string[]): [number, number] | null {
  const times = [...points.map((p) => toSeconds(p.at)), ...sessionMarkerTimes(sessionDays)];
  if (times.length === 0) return null;
  const min = Math.min(...times);
  const max = Math.max(...times);
  if (min === max) return [min - 3 * DAY_S, max + 3 * DAY_S];
  const pad = Math.max((max - min) * 0.05, DAY_S / 2);
  return [min - pad, max + pad];
}
