// The live chart of HR, systolic and diastolic BP and SpO2 over the session, with the
// alarm thresholds of the session's rules drawn as labelled dashed lines (uPlot), and
// the same readings in a table, newest first, for screen readers and where no canvas
// exists. The chart is updated in place as readings arrive.
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import type { AlarmRule, VitalsReading } from '../api';
import { canDrawCharts } from '../measures/trajectory_plot';
import { clockTime } from './session_rules';
import { chartColumns, newestFirst, thresholdLines } from './vitals_chart_data';
import { createVitalsPlot } from './vitals_plot';

interface VitalsChartProps {
  readings: readonly VitalsReading[];
  rules: readonly AlarmRule[];
}

const cell = (v: number | null) => (v === null ? '—' : String(v));

export function VitalsChart({ readings, rules }: VitalsChartProps) {
  const lines = thresholdLines(rules);
  return (
    <figure class="vitals-chart" aria-labelledby="vitals-chart-title">
      <figcaption id="vitals-chart-title" class="pk-title">
        Vital signs{lines.length > 0 ? `; alarm thresholds: ${lines.map((l) => l.label).join(', ')}` : ''}
      </figcaption>
      {readings.length === 0 ? <p class="muted">No readings yet.</p> : canDrawCharts() && <VitalsCanvas readings={readings} rules={rules} />}
      {readings.length > 0 && (
        <div class="table-scroll vitals-table-box">
          <table class="chart-table vitals-table">
            <caption class="visually-hidden">Readings, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">BP (mmHg)</th>
                <th scope="col">HR (/min)</th>
                <th scope="col">SpO2 (%)</th>
                <th scope="col">RR (/min)</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst(readings).map((r) => (
                <tr key={r.at}>
                  <th scope="row">{clockTime(r.at)}</th>
                  <td>{r.systolic_mmhg === null && r.diastolic_mmhg === null ? '—' : `${cell(r.systolic_mmhg)}/${cell(r.diastolic_mmhg)}`}</td>
                  <td>{cell(r.heart_rate_bpm)}</td>
                  <td>{cell(r.spo2_pct)}</td>
                  <td>{cell(r.respiratory_rate_per_min)}</td>
                  <td>{r.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

function VitalsCanvas({ readings, rules }: VitalsChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const rulesKey = JSON.stringify(rules);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const created = createVitalsPlot(target, target.clientWidth || 600, chartColumns(readings), thresholdLines(rules));
    plot.current = created;
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => target.clientWidth > 0 && created.setSize({ width: target.clientWidth, height: created.height })) : null;
    observer?.observe(target);
    return () => {
      observer?.disconnect();
      created.destroy();
      plot.current = null;
    };
    // Rebuilt only when the thresholds change; new readings go through setData below.
  }, [rulesKey]);
  useEffect(() => {
    plot.current?.setData(chartColumns(readings));
  }, [readings]);
  return <div class="vitals-canvas" ref={box} aria-hidden="true" />;
}
