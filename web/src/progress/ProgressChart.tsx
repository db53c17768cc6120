// A value over time on the Progress tab (an instrument's totals, pain scores,
// daily MME): the chart where the browser can draw one, a key saying what its
// lines mean, and always a table of the same values for screen readers and print.
import { useEffect, useRef } from 'preact/hooks';
import { canDrawCharts } from '../measures/trajectory_plot';
import { formatDateTime } from '../ui/format';
import type { Threshold } from './progress_rules';
import { markerSeconds, type TimeValue } from './time_chart_data';
import { createTimePlot, type TimePlotInput } from './time_plot';

interface ProgressChartProps {
  /** Names the figure and captions the table ("PHQ-9 totals"). */
  title: string;
  /** The y axis and the table's value column ("Total", "MME per day"). */
  valueLabel: string;
  points: readonly TimeValue[];
  yMin: number;
  yMax: number | null;
  thresholds?: readonly Threshold[];
  /** Session instants (ISO), drawn as vertical lines. */
  sessionTimes: readonly string[];
}

export function ProgressChart({ title, valueLabel, points, yMin, yMax, thresholds = [], sessionTimes }: ProgressChartProps) {
  const drawn = canDrawCharts() && points.length > 0;
  return (
    <figure class="trajectory progress-chart" aria-label={`${title} over time`}>
      {drawn && <Canvas label={valueLabel} points={points} yMin={yMin} yMax={yMax} thresholds={thresholds} markers={markerSeconds(sessionTimes)} />}
      {drawn && <ChartKey thresholds={thresholds} sessions={sessionTimes.length > 0} />}
      <div class="table-scroll">
        <table class="chart-table trajectory-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.at}>
                <th scope="row">
                  <time dateTime={p.at}>{formatDateTime(p.at).slice(0, 16)}</time>
                </th>
                <td>{p.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function Canvas(input: TimePlotInput) {
  const box = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(input);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const plot = createTimePlot(target, target.clientWidth || 600, input);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => target.clientWidth > 0 && plot.setSize({ width: target.clientWidth, height: plot.height })) : null;
    observer?.observe(target);
    return () => {
      observer?.disconnect();
      plot.destroy();
    };
    // `key` stands for the input (its arrays are new on each render).
  }, [key]);
  // The table below carries the same values for assistive technology.
  return <div class="trajectory-canvas" ref={box} aria-hidden="true" />;
}

function ChartKey({ thresholds, sessions }: { thresholds: readonly Threshold[]; sessions: boolean }) {
  return (
    <figcaption class="chart-key">
      {thresholds.map((t) => (
        <span key={t.kind} class={t.kind === 'response' ? 'key-response' : 'key-remission'}>
          {t.kind === 'response' ? 'Long dashes' : 'Short dashes'}: {t.kind} (total {t.value} or less).{' '}
        </span>
      ))}
      {sessions && <span class="key-session">Dotted vertical lines: dosing sessions.</span>}
    </figcaption>
  );
}
