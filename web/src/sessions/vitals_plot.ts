// The uPlot chart behind VitalsChart: HR and blood pressure on the left scale, SpO2
// on its own right-hand scale (80–100 %), and each alarm threshold as a dashed line
// labelled with its rule (drawn in the drawAxes hook, under the lines). Each series
// has its own dash pattern too, so the chart does not rely on colour alone.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { CHART_SIGNS, mainRange, type ChartColumns, type ThresholdLine } from './vitals_chart_data';

export const VITALS_CHART_HEIGHT_PX = 260;

const AXIS = '#4a5866';
const SERIES_STYLE: Record<string, { stroke: string; dash?: number[] }> = {
  heart_rate_bpm: { stroke: '#0b5a73' },
  systolic_mmhg: { stroke: '#a4221b' },
  diastolic_mmhg: { stroke: '#a4221b', dash: [6, 4] },
  spo2_pct: { stroke: '#1d6b3a', dash: [2, 3] },
};
const THRESHOLD = { high: '#a4221b', medium: '#7a4b00', low: '#4a5866' };

/** Draws into `target`, `widthPx` wide. The caller updates it with setData and destroys it. */
export function createVitalsPlot(target: HTMLElement, widthPx: number, columns: ChartColumns, lines: readonly ThresholdLine[]): uPlot {
  const options: uPlot.Options = {
    width: widthPx,
    height: VITALS_CHART_HEIGHT_PX,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true },
      main: { range: (u) => mainRange(u.data as ChartColumns, lines) },
      spo2: { range: () => [80, 100] },
    },
    axes: [
      { stroke: AXIS },
      { scale: 'main', stroke: AXIS, label: 'mmHg, /min', size: 50 },
      {
        scale: 'spo2',
        // uPlot's Axis.Side is an ambient const enum, which verbatimModuleSyntax cannot read: 1 is Right.
        // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
        side: 1,
        stroke: AXIS,
        label: 'SpO2 %',
        size: 50,
        grid: { show: false },
      },
    ],
    series: [
      {},
      ...CHART_SIGNS.map(({ sign, label, scale }) => ({
        label,
        scale,
        spanGaps: true,
        width: 2,
        stroke: SERIES_STYLE[sign]?.stroke ?? AXIS,
        ...(SERIES_STYLE[sign]?.dash ? { dash: SERIES_STYLE[sign].dash } : {}),
        points: { show: true, size: 5 },
      })),
    ],
    hooks: { drawAxes: [(u) => drawThresholds(u, lines)] },
  };
  return new uPlot(options, columns, target);
}

function drawThresholds(u: uPlot, lines: readonly ThresholdLine[]) {
  const { ctx, bbox } = u;
  const px = uPlot.pxRatio;
  ctx.save();
  ctx.font = `${11 * px}px system-ui, sans-serif`;
  ctx.textAlign = 'right';
  for (const line of lines) {
    const y = u.valToPos(line.value, line.scale, true);
    if (y < bbox.top || y > bbox.top + bbox.height) continue;
    ctx.strokeStyle = THRESHOLD[line.priority];
    ctx.fillStyle = THRESHOLD[line.priority];
    ctx.lineWidth = px;
    ctx.setLineDash([5 * px, 4 * px]);
    ctx.beginPath();
    ctx.moveTo(bbox.left, y);
    ctx.lineTo(bbox.left + bbox.width, y);
    ctx.stroke();
    ctx.textBaseline = line.direction === 'above' ? 'bottom' : 'top';
    ctx.fillText(line.label, bbox.left + bbox.width - 4 * px, y + (line.direction === 'above' ? -2 : 2) * px);
  }
  ctx.restore();
}
