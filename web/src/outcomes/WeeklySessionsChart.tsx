// Sessions per week on the Outcomes page: a bar chart where the browser can draw
// one, and the same counts in a table (folded away under the chart, open where
// there is no chart).
import { useEffect, useRef } from 'preact/hooks';
import { canDrawCharts } from '../measures/trajectory_plot';
import { createWeeklyBarsPlot, type WeekCount } from './weekly_bars_plot';

export function WeeklySessionsChart({ weeks }: { weeks: readonly WeekCount[] }) {
  const drawn = canDrawCharts() && weeks.length > 0;
  const table = (
    <table class="chart-table weekly-table">
      <caption>Sessions per week</caption>
      <thead>
        <tr>
          <th scope="col">Week of</th>
          <th scope="col">Sessions</th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => (
          <tr key={w.week}>
            <th scope="row">
              <time dateTime={w.week}>{w.week}</time>
            </th>
            <td>{w.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <figure class="weekly-sessions" aria-label="Sessions per week">
      {drawn && <Bars weeks={weeks} />}
      {drawn ? (
        <details class="chart-details">
          <summary>The counts as a table</summary>
          {table}
        </details>
      ) : (
        table
      )}
    </figure>
  );
}

function Bars({ weeks }: { weeks: readonly WeekCount[] }) {
  const box = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(weeks);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const plot = createWeeklyBarsPlot(target, target.clientWidth || 600, weeks);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => target.clientWidth > 0 && plot.setSize({ width: target.clientWidth, height: plot.height })) : null;
    observer?.observe(target);
    return () => {
      observer?.disconnect();
      plot.destroy();
    };
    // `key` stands for the weeks (a new array on each render).
  }, [key]);
  // The table carries the same counts for assistive technology.
  return <div class="weekly-canvas" ref={box} aria-hidden="true" />;
}
