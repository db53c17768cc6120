// The uPlot bar chart of sessions per ISO week on the Outcomes page: one bar per
// week (its Monday, drawn at local midday so the day never shifts), counts on the
// y axis from zero.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { sessionMarkerTimes } from '../measures/trajectory_data';

export const WEEKLY_CHART_HEIGHT_PX = 200;

const BAR = '#0b5a73';
const AXIS = '#4a5866';
const WEEK_S = 7 * 24 * 3600;

export interface WeekCount {
  week: string;
  count: number;
}

/** uPlot's aligned data: x (seconds of each Monday), y (sessions). */
export function weeklyColumns(weeks: readonly WeekCount[]): [number[], number[]] {
  const times = sessionMarkerTimes(weeks.map((w) => w.week));
  return [times, weeks.slice(0, times.length).map((w) => w.count)];
}

/** Draws into `target`, `widthPx` wide. The caller destroys it. */
export function createWeeklyBarsPlot(target: HTMLElement, widthPx: number, weeks: readonly WeekCount[]): uPlot {
  const columns = weeklyColumns(weeks);
  const first = columns[0][0] ?? 0;
  const last = columns[0].at(-1) ?? first;
  const bars = uPlot.paths.bars?.({ size: [0.7, 40] });
  const options: uPlot.Options = {
    width: widthPx,
    height: WEEKLY_CHART_HEIGHT_PX,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true, range: [first - WEEK_S / 2, last + WEEK_S / 2] },
      y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
    },
    axes: [{ stroke: AXIS }, { stroke: AXIS, label: 'Sessions', size: 50 }],
    series: [{}, { label: 'Sessions', stroke: BAR, fill: 'rgba(11, 90, 115, 0.55)', width: 1, points: { show: false }, ...(bars ? { paths: bars } : {}) }],
  };
  return new uPlot(options, columns, target);
}
