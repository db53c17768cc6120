// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PHQ9 } from './measures_fixtures';
import { TrajectoryChart } from './TrajectoryChart';
import * as plot from './trajectory_plot';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => {
  render(null, container);
  vi.restoreAllMocks();
});

const POINTS = [
  { response_id: 'rsp_1', at: '2026-11-21T10:00:00.000Z', total: 18, band: 'Moderately severe' },
  { response_id: 'rsp_2', at: '2026-11-28T10:00:00.000Z', total: 4, band: 'None–minimal' },
];

describe('TrajectoryChart', () => {
  it('names the figure and lists every point in a captioned table', async () => {
    await act(() => render(<TrajectoryChart instrument={PHQ9} points={POINTS} sessionDays={[]} />, container));
    expect(container.querySelector('figure')?.getAttribute('aria-label')).toBe('PHQ-9 scores over time');
    expect(container.querySelector('caption')?.textContent).toBe('PHQ-9 scores');
    expect([...container.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Date', 'Total', 'Band']);
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) => [...tr.children].slice(1).map((c) => c.textContent));
    expect(rows).toEqual([['18', 'Moderately severe'], ['4', 'None–minimal']]);
    expect(container.querySelector('tbody time')?.getAttribute('datetime')).toBe('2026-11-21T10:00:00.000Z');
  });

  it('draws no chart where the browser has no canvas (the table stays)', async () => {
    const create = vi.spyOn(plot, 'createTrajectoryPlot');
    await act(() => render(<TrajectoryChart instrument={PHQ9} points={POINTS} sessionDays={[]} />, container));
    expect(plot.canDrawCharts()).toBe(false);
    expect(create).not.toHaveBeenCalled();
    expect(container.querySelector('.trajectory-canvas')).toBeNull();
    expect(container.querySelector('.chart-key')).toBeNull();
  });

  it('draws the chart where it can, explains its lines, and removes it when it goes', async () => {
    const destroy = vi.fn();
    vi.spyOn(plot, 'canDrawCharts').mockReturnValue(true);
    const create = vi.spyOn(plot, 'createTrajectoryPlot').mockImplementation(() => ({ destroy, setSize: vi.fn(), height: 240 }) as unknown as ReturnType<typeof plot.createTrajectoryPlot>);
    await act(() => render(<TrajectoryChart instrument={PHQ9} points={POINTS} sessionDays={['2026-11-22']} />, container));
    expect(create).toHaveBeenCalledTimes(1);
    const [target, , input] = create.mock.calls[0] ?? [];
    expect(target).toBe(container.querySelector('.trajectory-canvas'));
    expect(target?.getAttribute('aria-hidden')).toBe('true');
    expect(input).toEqual({ instrument: PHQ9, points: POINTS, sessionDays: ['2026-11-22'] });
    expect(container.querySelector('.chart-key')?.textContent).toBe('Shaded stripes: severity bands. Dashed line: remission (total 4 or less). Dotted vertical lines: dosing sessions.');
    await act(() => render(null, container));
    expect(destroy).toHaveBeenCalledTimes(1);
  });
});
