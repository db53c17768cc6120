// The uPlot chart behind a PkChart: plasma concentration over minutes, with the peak
// marked by a dot and a dashed vertical line (drawn in uPlot's draw hook).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { PkSimulation } from '../plans_api_types';
import { pkPlotData } from './pk_data';

export const PK_CHART_HEIGHT_PX = 220;

const LINE = '#0b5a73';
const PEAK = '#7a4b00';
const AXIS = '#4a5866';

/** Draws into `target`, `widthPx` wide. The caller destroys it. */
export function createPkPlot(target: HTMLElement, widthPx: number, sim: PkSimulation): uPlot {
  const options: uPlot.Options = {
    width: widthPx,
    height: PK_CHART_HEIGHT_PX,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [
      { stroke: AXIS, label: 'Minutes after the first dose', values: (_u, ticks) => ticks.map((t) => String(t)) },
      { stroke: AXIS, label: 'ng/mL', size: 60 },
    ],
    series: [{}, { label: 'Plasma concentration', stroke: LINE, width: 2, points: { show: false } }],
    hooks: { draw: [(u) => drawPeak(u, sim)] },
  };
  return new uPlot(options, pkPlotData(sim), target);
}

function drawPeak(u: uPlot, sim: PkSimulation) {
  const { ctx, bbox } = u;
  const x = u.valToPos(sim.time_to_peak_minute, 'x', true);
  const y = u.valToPos(sim.peak_ng_per_ml, 'y', true);
  const px = uPlot.pxRatio;
  ctx.save();
  ctx.strokeStyle = PEAK;
  ctx.setLineDash([4 * px, 4 * px]);
  ctx.lineWidth = px;
  ctx.beginPath();
  ctx.moveTo(x, bbox.top);
  ctx.lineTo(x, bbox.top + bbox.height);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = PEAK;
  ctx.beginPath();
  ctx.arc(x, y, 5 * px, 0, 2 * Math.PI);
  ctx.fill();
  ctx.restore();
}
