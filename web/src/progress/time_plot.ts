// The uPlot chart behind a ProgressChart: one series over time, thresholds as
// labelled dashed lines (response amber, remission green) and sessions as thin
// dotted vertical lines, drawn in the drawAxes hook so they sit under the line.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Threshold } from './progress_rules';
import { plotColumns, xRange, yRange, type TimeValue } from './time_chart_data';

export const PROGRESS_CHART_HEIGHT_PX = 220;

// The app's palette (styles.css).
const LINE = '#0b5a73';
const AXIS = '#4a5866';
const THRESHOLD_COLOURS: Record<Threshold['kind'], string> = { response: '#7a4b00', remission: '#1d6b3a' };
const SESSION = 'rgba(122, 75, 0, 0.55)';

export interface TimePlotInput {
  label: string;
  points: readonly TimeValue[];
  yMin: number;
  /** null: from the data. */
  yMax: number | null;
  thresholds: readonly Threshold[];
  /** Session times, Unix seconds. */
  markers: readonly number[];
}

/** Draws into `target`, `widthPx` wide. The caller destroys it. */
export function createTimePlot(target: HTMLElement, widthPx: number, input: TimePlotInput): uPlot {
  const range = xRange(input.points, input.markers);
  const options: uPlot.Options = {
    width: widthPx,
    height: PROGRESS_CHART_HEIGHT_PX,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true, ...(range ? { range } : {}) },
      y: { range: yRange(input.points, input.yMin, input.yMax, input.thresholds) },
    },
    axes: [{ stroke: AXIS }, { stroke: AXIS, label: input.label, size: 56 }],
    series: [{}, { label: input.label, stroke: LINE, width: 2, points: { show: true, size: 8, fill: LINE } }],
    hooks: { drawAxes: [(u) => drawBackdrop(u, input)] },
  };
  return new uPlot(options, plotColumns(input.points), target);
}

function drawBackdrop(u: uPlot, { thresholds, markers }: TimePlotInput) {
  const { ctx, bbox } = u;
  const px = uPlot.pxRatio;
  ctx.save();
  ctx.font = `${12 * px}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const t of thresholds) {
    const y = u.valToPos(t.value, 'y', true);
    if (y < bbox.top || y > bbox.top + bbox.height) continue;
    ctx.strokeStyle = THRESHOLD_COLOURS[t.kind];
    ctx.fillStyle = THRESHOLD_COLOURS[t.kind];
    ctx.lineWidth = 1.5 * px;
    ctx.setLineDash(t.kind === 'response' ? [8 * px, 4 * px] : [3 * px, 3 * px]);
    line(ctx, bbox.left, y, bbox.left + bbox.width, y);
    ctx.textAlign = t.kind === 'response' ? 'left' : 'right';
    ctx.fillText(t.label, t.kind === 'response' ? bbox.left + 4 * px : bbox.left + bbox.width - 4 * px, y - 2 * px);
  }
  ctx.strokeStyle = SESSION;
  ctx.lineWidth = px;
  ctx.setLineDash([2 * px, 3 * px]);
  for (const time of markers) {
    const x = u.valToPos(time, 'x', true);
    if (x >= bbox.left && x <= bbox.left + bbox.width) line(ctx, x, bbox.top, x, bbox.top + bbox.height);
  }
  ctx.restore();
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number) {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}
