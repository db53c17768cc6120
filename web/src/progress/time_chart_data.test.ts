import { describe, expect, it } from 'vitest';
import { markerSeconds, plotColumns, xRange, yRange } from './time_chart_data';

const DAY = 86400;
const T0 = Date.UTC(2026, 9, 1) / 1000;

describe('progress chart data', () => {
  it('orders the points oldest first, in seconds', () => {
    expect(plotColumns([{ at: '2026-10-02T00:00:00Z', value: 5 }, { at: '2026-10-01T00:00:00Z', value: 9 }])).toEqual([[T0, T0 + DAY], [9, 5]]);
  });

  it('marks sessions at their own times and skips unreadable ones', () => {
    expect(markerSeconds(['2026-10-01T00:00:00Z', 'soon'])).toEqual([T0]);
  });

  it('spans the points and the sessions with room either side', () => {
    expect(xRange([], [])).toBeNull();
    expect(xRange([{ at: '2026-10-01T00:00:00Z', value: 1 }], [])).toEqual([T0 - 3 * DAY, T0 + 3 * DAY]);
    const [from, to] = xRange([{ at: '2026-10-01T00:00:00Z', value: 1 }], [T0 + 20 * DAY]) ?? [0, 0];
    expect([from, to]).toEqual([T0 - DAY, T0 + 21 * DAY]);
  });

  it('uses the scale’s bounds, or fits the values and thresholds from zero', () => {
    expect(yRange([], 0, 27)).toEqual([0, 27]);
    expect(yRange([{ at: 'x', value: 60 }], 0, null)).toEqual([0, 66]);
    expect(yRange([], 0, null)).toEqual([0, 1]);
    expect(yRange([{ at: 'x', value: 5 }], 0, null, [{ value: 10, label: '', kind: 'response' }])).toEqual([0, 11]);
  });
});
