import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import type { PkSimulation } from '../plans_api_types';
import { formatMinutes, pkPlotData, pkProblem, pkSummary, pkTableRows } from './pk_data';

const sim = (peakAt: number): PkSimulation => ({
  points: Array.from({ length: 121 }, (_, minute) => ({ minute, concentration_ng_per_ml: minute <= peakAt ? minute * 10 : peakAt * 10 - (minute - peakAt) })),
  peak_ng_per_ml: peakAt * 10,
  time_to_peak_minute: peakAt,
  bioavailability: 1,
  absorption_per_h: null,
  model: 'domino',
  model_name: 'Domino (3-compartment)',
  model_source: 'Domino 1984',
  settings_version: 0,
});

describe('PK chart data', () => {
  it('summarises the peak and its time', () => {
    expect(pkSummary({ peak_ng_per_ml: 1234.4, time_to_peak_minute: 40 })).toBe('Peak 1234 ng/mL at 40 min');
    expect(pkSummary({ peak_ng_per_ml: 4.56, time_to_peak_minute: 125 })).toBe('Peak 4.6 ng/mL at 2 h 5 min');
    expect(formatMinutes(120)).toBe('2 h');
  });

  it('gives uPlot the columns and the table every 30 minutes with the peak', () => {
    const s = sim(40);
    const [x, y] = pkPlotData(s);
    expect(x).toHaveLength(121);
    expect(y[40]).toBe(400);
    expect(pkTableRows(s).map((r) => r.minute)).toEqual([0, 30, 40, 60, 90, 120]);
    expect(pkTableRows(s).find((r) => r.peak)?.concentration).toBe('400');
  });

  it('says which setting is missing when the server cannot simulate', () => {
    expect(pkProblem(new ApiError(400, 'absorption_rate_needed', 'x', 'absorption_per_h'))).toMatch(/absorption rate \(ka\).*no published value/);
    expect(pkProblem(new ApiError(400, 'bioavailability_needed', 'x', 'bioavailability'))).toMatch(/bioavailability/);
    expect(pkProblem(new ApiError(400, 'validation_failed', 'Weight must be from 1 to 400 kg.', 'weight_kg'))).toBe('Weight must be from 1 to 400 kg.');
  });
});
