// Loads what the chart shows: the patient, the documented history, and the
// screening (findings and latest decision). After any change to the history the
// chart reads both again, so the header's flags and "Re-screening needed" are
// always the server's current word, never a guess made in the browser.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient, type Patient, type PatientHistory, type Screening } from '../api';
import { problemFrom } from '../ui/form_problem';

export interface ChartData {
  patient: Patient;
  history: PatientHistory;
  screening: Screening;
}

export type ChartState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string; notFound: boolean }
  | { kind: 'loaded'; data: ChartData; refreshError: string };

export function usePatientChart(api: ApiClient, patientId: string) {
  const [state, setState] = useState<ChartState>({ kind: 'loading' });
  const latestRequest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latestRequest.current;
    setState({ kind: 'loading' });
    try {
      const [patient, history, screening] = await Promise.all([api.getPatient(patientId), api.getPatientHistory(patientId), api.getScreening(patientId)]);
      if (request === latestRequest.current) setState({ kind: 'loaded', data: { patient, history, screening }, refreshError: '' });
    } catch (e) {
      if (request !== latestRequest.current) return;
      setState({ kind: 'failed', message: problemFrom(e).message, notFound: e instanceof ApiError && e.status === 404 });
    }
  }, [api, patientId]);
  useEffect(() => void load(), [load]);

  /**
   * Reads the history and screening again, keeping the chart on screen meanwhile.
   * `saved` is a history the server has just returned, shown at once.
   */
  const refresh = useCallback(async (saved?: PatientHistory) => {
    if (saved) setState((s) => (s.kind === 'loaded' ? { ...s, data: { ...s.data, history: saved } } : s));
    const request = ++latestRequest.current;
    try {
      const [history, screening] = await Promise.all([api.getPatientHistory(patientId), api.getScreening(patientId)]);
      if (request !== latestRequest.current) return;
      setState((s) => (s.kind === 'loaded' ? { kind: 'loaded', data: { ...s.data, history, screening }, refreshError: '' } : s));
    } catch (e) {
      if (request !== latestRequest.current) return;
      const message = `The chart may be out of date: ${problemFrom(e).message}`;
      setState((s) => (s.kind === 'loaded' ? { ...s, refreshError: message } : s));
    }
  }, [api, patientId]);

  return { state, reload: () => void load(), refresh };
}
