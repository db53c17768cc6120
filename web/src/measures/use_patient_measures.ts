// Loads what the Measures tab shows: the patient's measures and the instrument
// catalogue. After a change the tab reads the measures again and keeps showing the
// old ones meanwhile; only the newest read may update the screen.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient, Instrument, PatientMeasures } from '../api';
import { problemFrom } from '../ui/form_problem';

export type MeasuresState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; measures: PatientMeasures; catalogue: Instrument[]; refreshError: string };

export function usePatientMeasures(api: ApiClient, patientId: string) {
  const [state, setState] = useState<MeasuresState>({ kind: 'loading' });
  const latest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latest.current;
    setState({ kind: 'loading' });
    try {
      const [measures, catalogue] = await Promise.all([api.getPatientMeasures(patientId), api.listInstruments()]);
      if (request === latest.current) setState({ kind: 'loaded', measures, catalogue, refreshError: '' });
    } catch (e) {
      if (request === latest.current) setState({ kind: 'failed', message: problemFrom(e).message });
    }
  }, [api, patientId]);
  useEffect(() => void load(), [load]);

  /** Reads the measures again, keeping the tab on screen. */
  const refresh = useCallback(async () => {
    const request = ++latest.current;
    try {
      const measures = await api.getPatientMeasures(patientId);
      if (request === latest.current) setState((s) => (s.kind === 'loaded' ? { ...s, measures, refreshError: '' } : s));
    } catch (e) {
      const message = `The measures may be out of date: ${problemFrom(e).message}`;
      if (request === latest.current) setState((s) => (s.kind === 'loaded' ? { ...s, refreshError: message } : s));
    }
  }, [api, patientId]);

  /** Shows part of the measures the server has just returned (a saved schedule, the responsible clinician). */
  const update = useCallback((change: Partial<PatientMeasures>) => {
    setState((s) => (s.kind === 'loaded' ? { ...s, measures: { ...s.measures, ...change } } : s));
  }, []);

  return { state, reload: () => void load(), refresh, update };
}
