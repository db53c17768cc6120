// One instrument's totals over time: the chart (where the browser can draw it) and
// always a table of the same points, which screen readers and printouts use. The
// key under the chart says what the dashed and vertical lines mean.
import { useEffect, useRef } from 'preact/hooks';
import type { Instrument, ScoredPoint } from '../api';
import { chartLabel, tableCaption, trajectoryRows } from './trajectory_data';
import { canDrawCharts, createTrajectoryPlot } from './trajectory_plot';

interface TrajectoryChartProps {
  instrument: Instrument;
  /** Oldest first. */
  points: readonly ScoredPoint[];
  /** Dosing-session days (YYYY-MM-DD). */
  sessionDays: readonly string[];
}

export function TrajectoryChart({ instrument, points, sessionDays }: TrajectoryChartProps) {
  const drawn = canDrawCharts();
  return (
    <figure class="trajectory" aria-label={chartLabel(instrument.name)}>
      {drawn && <TrajectoryCanvas instrument={instrument} points={points} sessionDays={sessionDays} />}
      {drawn && <ChartKey instrument={instrument} sessionDays={sessionDays} />}
      <div class="table-scroll">
        <table class="chart-table trajectory-table">
          <caption>{tableCaption(instrument.name)}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Total</th>
              <th scope="col">Band</th>
            </tr>
          </thead>
          <tbody>
            {trajectoryRows(points).map((row) => (
              <tr key={row.responseId}>
                <th scope="row">
                  <time dateTime={row.at}>{row.when}</time>
                </th>
                <td>{row.total}</td>
                <td>{row.band}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function TrajectoryCanvas({ instrument, points, sessionDays }: TrajectoryChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const plot = createTrajectoryPlot(target, target.clientWidth || 600, { instrument, points, sessionDays });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => target.clientWidth > 0 && plot.setSize({ width: target.clientWidth, height: plot.height })) : null;
    observer?.observe(target);
    return () => {
      observer?.disconnect();
      plot.destroy();
    };
  }, [instrument, points, sessionDays]);
  // The table below carries the same points for assistive technology.
  return <div class="trajectory-canvas" ref={box} aria-hidden="true" />;
}

function ChartKey({ instrument, sessionDays }: Pick<TrajectoryChartProps, 'instrument' | 'sessionDays'>) {
  const remission = instrument.remission_at_most;
  return (
    <figcaption class="chart-key">
      Shaded stripes: severity bands.
      {remission !== null && <span class="key-remission"> Dashed line: remission (total {remission} or less).</span>}
      {sessionDays.length > 0 && <span class="key-session"> Dotted vertical lines: dosing sessions.</span>}
    </figcaption>
  );
}
