// Pure helpers of the PK chart: the text summary, the points uPlot draws, the rows
// of the accessible table, and what to say when the server cannot simulate.
import { ApiError } from '../api';
import type { PkSimulation } from '../plans_api_types';

/** "123" for concentrations of 10 ng/mL and above, "4.5" below. */
export function formatConcentration(ngPerMl: number): string {
  return ngPerMl >= 10 ? String(Math.round(ngPerMl)) : (Math.round(ngPerMl * 10) / 10).toString();
}

/** "40 min" or "2 h 5 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "Peak 123 ng/mL at 40 min". */
export function pkSummary(sim: Pick<PkSimulation, 'peak_ng_per_ml' | 'time_to_peak_minute'>): string {
  return `Peak ${formatConcentration(sim.peak_ng_per_ml)} ng/mL at ${formatMinutes(sim.time_to_peak_minute)}`;
}

/** uPlot's columns: minutes, then concentrations. */
export function pkPlotData(sim: Pick<PkSimulation, 'points'>): [number[], number[]] {
  return [sim.points.map((p) => p.minute), sim.points.map((p) => p.concentration_ng_per_ml)];
}

/** Every `stepMinutes` minutes, and the peak itself, in time order. */
export function pkTableRows(sim: PkSimulation, stepMinutes = 30): { minute: number; concentration: string; peak: boolean }[] {
  const rows = sim.points
    .filter((p) => p.minute % stepMinutes === 0 || p.minute === sim.time_to_peak_minute)
    .map((p) => ({ minute: p.minute, concentration: formatConcentration(p.concentration_ng_per_ml), peak: p.minute === sim.time_to_peak_minute }));
  return rows;
}

/** What the chart says when the server refused to simulate. */
export function pkProblem(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'absorption_rate_needed')
      return 'This route needs an absorption rate (ka), a clinic setting with no published value. An admin sets it under Settings → Treatment plans.';
    if (error.code === 'bioavailability_needed')
      return 'This route needs a bioavailability, a clinic setting with no default. An admin sets it under Settings → Treatment plans.';
    return error.message;
  }
  return 'The simulation could not be loaded.';
}
