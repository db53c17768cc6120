import { describe, expect, it } from 'vitest';
import type { ScoredPoint } from '../api';
import { bandRanges, chartLabel, plotData, sessionMarkerTimes, tableCaption, timeRange, toSeconds, trajectoryRows } from './trajectory_data';

const point = (id: string, at: string, total: number, band = 'Mild'): ScoredPoint => ({ response_id: id, at, total, band });
const DAY_S = 86_400;

describe('trajectory data', () => {
  it('names the figure and the table after the instrument', () => {
    expect(chartLabel('PHQ-9')).toBe('PHQ-9 scores over time');
    expect(tableCaption('PHQ-9')).toBe('PHQ-9 scores');
  });

  it('plots totals against submission times in seconds, oldest first as sent', () => {
    const points = [point('a', '2026-11-21T10:00:00.000Z', 18), point('b', '2026-11-28T10:00:00.000Z', 9)];
    expect(plotData(points)).toEqual([[Date.UTC(2026, 10, 21, 10) / 1000, Date.UTC(2026, 10, 28, 10) / 1000], [18, 9]]);
  });

  it('lists each point with its local time, total and band for the table', () => {
    const [row] = trajectoryRows([point('a', '2026-11-21T10:00:00.000Z', 18, 'Moderately severe')]);
    expect(row).toMatchObject({ responseId: 'a', at: '2026-11-21T10:00:00.000Z', total: 18, band: 'Moderately severe' });
    expect(row?.when).toMatch(/^2026-11-2[01] \d\d:00:00$/);
  });

  it('turns the bands into ranges up to the next band, the last up to the maximum', () => {
    const bands = [{ min_total: 5, label: 'Mild' }, { min_total: 0, label: 'None–minimal' }, { min_total: 20, label: 'Severe' }];
    expect(bandRanges({ bands, min_total: 0, max_total: 27 })).toEqual([
      { label: 'None–minimal', from: 0, to: 5 },
      { label: 'Mild', from: 5, to: 20 },
      { label: 'Severe', from: 20, to: 27 },
    ]);
  });

  it('drops a band that starts at the maximum but keeps a one-value scale', () => {
    expect(bandRanges({ bands: [{ min_total: 0, label: 'Low' }, { min_total: 10, label: 'Top' }], min_total: 0, max_total: 10 })).toEqual([{ label: 'Low', from: 0, to: 10 }, { label: 'Top', from: 10, to: 10 }]);
    expect(bandRanges({ bands: [{ min_total: 0, label: 'Low' }, { min_total: 30, label: 'Beyond' }], min_total: 0, max_total: 27 })).toEqual([{ label: 'Low', from: 0, to: 27 }]);
  });

  it('marks a session day at its local midday and skips malformed days', () => {
    expect(sessionMarkerTimes(['2026-11-22', 'soon', '2026-1-2'])).toEqual([new Date(2026, 10, 22, 12).getTime() / 1000]);
  });

  it('spans the points and the session days, with room either side', () => {
    const a = point('a', '2026-11-01T00:00:00.000Z', 10);
    const b = point('b', '2026-11-21T00:00:00.000Z', 5);
    const [from, to] = timeRange([a, b], []) ?? [0, 0];
    expect(from).toBe(toSeconds(a.at) - DAY_S);
    expect(to).toBe(toSeconds(b.at) + DAY_S);
    const withSession = timeRange([a], ['2026-12-01']) ?? [0, 0];
    expect(withSession[1]).toBeGreaterThan(new Date(2026, 11, 1, 12).getTime() / 1000);
  });

  it('gives a lone point three days either side, and nothing a range when there is nothing to show', () => {
    const a = point('a', '2026-11-01T00:00:00.000Z', 10);
    expect(timeRange([a], [])).toEqual([toSeconds(a.at) - 3 * DAY_S, toSeconds(a.at) + 3 * DAY_S]);
    expect(timeRange([], [])).toBeNull();
  });

  it('pads a short span by at least half a day', () => {
    const a = point('a', '2026-11-01T10:00:00.000Z', 10);
    const b = point('b', '2026-11-01T12:00:00.000Z', 5);
    expect(timeRange([a, b], [])).toEqual([toSeconds(a.at) - DAY_S / 2, toSeconds(b.at) + DAY_S / 2]);
  });
});
