// A reusable pharmacokinetic chart: give it the route, the patient's weight and the
// doses; it asks the server (/pk/simulation, which applies the clinic's bioavailability
// and absorption settings) and draws plasma concentration over time with the peak
// marked. The text summary ("Peak 123 ng/mL at 40 min") and a table of the curve
// every 30 minutes carry the same facts for screen readers and where no canvas exists.
// Self-contained: the plan editor uses it, and so can the dose screen.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { PkDose, PkModelCode, PkSimulation, PlanRoute } from '../plans_api_types';
import { canDrawCharts } from '../measures/trajectory_plot';
import { formatMinutes, pkProblem, pkSummary, pkTableRows } from './pk_data';
import { createPkPlot } from './pk_plot';

export interface PkChartProps {
  api: ApiClient;
  route: PlanRoute;
  /** The patient's weight; without it nothing is simulated. */
  weightKg: number | null;
  doses: readonly PkDose[];
  /** Absent: the clinic's default model. */
  model?: PkModelCode;
  hours?: number;
  /** The heading over the chart. */
  title?: string;
}

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; sim: PkSimulation };

export function PkChart({ api, route, weightKg, doses, model, hours = 6, title = 'Predicted plasma concentration' }: PkChartProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const key = JSON.stringify({ route, weightKg, doses, model, hours });
  useEffect(() => {
    if (weightKg === null || weightKg <= 0 || doses.length === 0) {
      setState({ kind: 'idle' });
      return;
    }
    let current = true;
    setState({ kind: 'loading' });
    api.simulatePk({ route, weight_kg: weightKg, hours, doses: [...doses], ...(model ? { model } : {}) }).then(
      (sim) => current && setState({ kind: 'loaded', sim }),
      (e: unknown) => current && setState({ kind: 'failed', message: pkProblem(e) }),
    );
    return () => {
      current = false;
    };
    // `key` stands for every input (the doses array is new on each render).
  }, [api, key]);

  return (
    <figure class="pk-chart" aria-label={title}>
      <figcaption class="pk-title">{title}</figcaption>
      {state.kind === 'idle' && <p class="muted">{weightKg === null ? 'Record the patient’s weight to see the predicted concentration.' : 'Give a dose to see the predicted concentration.'}</p>}
      {state.kind === 'loading' && (
        <p role="status" class="muted">
          Simulating…
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" class="form-error">
          {state.message}
        </p>
      )}
      {state.kind === 'loaded' && <PkResult sim={state.sim} weightKg={weightKg ?? 0} />}
    </figure>
  );
}

function PkResult({ sim, weightKg }: { sim: PkSimulation; weightKg: number }) {
  const drawn = canDrawCharts();
  return (
    <>
      <p class="pk-summary" role="status">
        {pkSummary(sim)}
      </p>
      {drawn && <PkCanvas sim={sim} />}
      <p class="hint">
        {sim.model_name} model ({sim.model_source}) at {weightKg} kg; bioavailability {sim.bioavailability}
        {sim.absorption_per_h !== null ? `; absorption rate ${sim.absorption_per_h} per hour (clinic setting)` : ''}. A prediction for a typical patient, not a measurement.
      </p>
      <details class="pk-table">
        <summary>Concentration every 30 minutes</summary>
        <div class="table-scroll">
          <table class="chart-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">ng/mL</th>
              </tr>
            </thead>
            <tbody>
              {pkTableRows(sim).map((row) => (
                <tr key={row.minute}>
                  <th scope="row">{formatMinutes(row.minute)}{row.peak ? ' (peak)' : ''}</th>
                  <td>{row.concentration}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

function PkCanvas({ sim }: { sim: PkSimulation }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const plot = createPkPlot(target, target.clientWidth || 600, sim);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => target.clientWidth > 0 && plot.setSize({ width: target.clientWidth, height: plot.height })) : null;
    observer?.observe(target);
    return () => {
      observer?.disconnect();
      plot.destroy();
    };
  }, [sim]);
  return <div class="pk-canvas" ref={box} aria-hidden="true" />;
}
