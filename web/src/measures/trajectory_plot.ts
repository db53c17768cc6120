// The uPlot chart behind a TrajectoryChart: one series of totals over time, with
// the severity bands as faint stripes labelled at the right, the remission threshold
// as a dashed line, and dosing-session days as thin vertical lines. Drawing is
// done in uPlot's drawAxes hook, so the bands sit under the line and the points.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Instrument, ScoredPoint } from '../api';
import { bandRanges, plotData, sessionMarkerTimes, timeRange, type BandRange } from './trajectory_data';

/** The chart's height in CSS pixels; its width follows its box. */
export const CHART_HEIGHT_PX = 240;

// The app's palette (styles.css): primary line, faint band stripes, ok for remission, warn for sessions.
const LINE = '#0b5a73';
const BAND_FILLS = ['rgba(11, 90, 115, 0.04)', 'rgba(11, 90, 115, 0.10)'];
const BAND_TEXT = '#4a5866';
const REMISSION = '#1d6b3a';
const SESSION = 'rgba(122, 75, 0, 0.55)';

/** Whether this browser can draw on a canvas (happy-dom in the unit tests cannot). */
export function canDrawCharts(): boolean {
  if (typeof window.matchMedia !== 'function') return false;
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

export interface TrajectoryPlotInput {
  instrument: Instrument;
  points: readonly ScoredPoint[];
  sessionDays: readonly string[];
}

/** Draws the chart into `target`, `widthPx` wide. The caller destroys it. */
export function createTrajectoryPlot(target: HTMLElement, widthPx: number, { instrument, points, sessionDays }: TrajectoryPlotInput): uPlot {
  const bands = bandRanges(instrument);
  const sessions = sessionMarkerTimes(sessionDays);
  const range = timeRange(points, sessionDays);
  const options: uPlot.Options = {
    width: widthPx,
    height: CHART_HEIGHT_PX,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true, ...(range ? { range: range } : {}) },
      y: { range: [instrument.min_total, instrument.max_total] },
    },
    axes: [{ stroke: BAND_TEXT }, { stroke: BAND_TEXT, label: 'Total', size: 50 }],
    series: [{}, { label: instrument.name, stroke: LINE, width: 2, points: { show: true, size: 8, fill: LINE } }],
    hooks: { drawAxes: [(u) => drawBackdrop(u, bands, instrument.remission_at_most, sessions)] },
  };
  return new uPlot(options, plotData(points), target);
}

function drawBackdrop(u: uPlot, bands: readonly BandRange[], remissionAtMost: number | null, sessionTimes: readonly number[]) {
  const { ctx, bbox } = u;
  const px = uPlot.pxRatio;
  const y = (value: number) => u.valToPos(value, 'y', true);
  ctx.save();
  ctx.font = `${12 * px}px system-ui, sans-serif`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  bands.forEach((band, i) => {
    const top = y(band.to);
    const bottom = y(band.from);
    ctx.fillStyle = BAND_FILLS[i % 2] ?? '';
    ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
    ctx.fillStyle = BAND_TEXT;
    if (bottom - top >= 12 * px) ctx.fillText(band.label, bbox.left + bbox.width - 4 * px, (top + bottom) / 2);
  });
  if (remissionAtMost !== null) {
    const at = y(remissionAtMost);
    ctx.strokeStyle = REMISSION;
    ctx.lineWidth = 1.5 * px;
    ctx.setLineDash([6 * px, 4 * px]);
    line(ctx, bbox.left, at, bbox.left + bbox.width, at);
    ctx.fillStyle = REMISSION;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(`Remission ≤ ${remissionAtMost}`, bbox.left + 4 * px, at - 2 * px);
  }
  ctx.strokeStyle = SESSION;
  ctx.lineWidth = 1 * px;
  ctx.setLineDash([2 * px, 3 * px]);
  for (const time of sessionTimes) {
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
