// Loads what the Progress tab shows: the patient's progress and the instrument
// catalogue (for names). After a change the tab shows the document the server
// returned, or reads it again; only the newest read may update the screen.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient, Instrument, PatientProgress } from '../api';
import { problemFrom } from '../ui/form_problem';

export type ProgressState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; progress: PatientProgress; catalogue: Instrument[]; refreshError: string };

export function useProgress(api: ApiClient, patientId: string) {
  const [state, setState] = useState<ProgressState>({ kind: 'loading' });
  const latest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latest.current;
    setState({ kind: 'loading' });
    try {
      // The catalogue only names instruments: without it the codes show.
      const [progress, catalogue] = await Promise.all([api.getProgress(patientId), api.listInstruments().catch(() => [])]);
      if (request === latest.current) setState({ kind: 'loaded', progress, catalogue, refreshError: '' });
    } catch (e) {
      if (request === latest.current) setState({ kind: 'failed', message: problemFrom(e).message });
    }
  }, [api, patientId]);
  useEffect(() => void load(), [load]);

  /** Reads the progress again, keeping the tab on screen. */
  const refresh = useCallback(async () => {
    const request = ++latest.current;
    try {
      const progress = await api.getProgress(patientId);
      if (request === latest.current) setState((s) => (s.kind === 'loaded' ? { ...s, progress, refreshError: '' } : s));
    } catch (e) {
      const message = `The progress may be out of date: ${problemFrom(e).message}`;
      if (request === latest.current) setState((s) => (s.kind === 'loaded' ? { ...s, refreshError: message } : s));
    }
  }, [api, patientId]);

  /** Shows a progress document the server has just returned. */
  const show = useCallback((progress: PatientProgress) => {
    ++latest.current;
    setState((s) => (s.kind === 'loaded' ? { ...s, progress, refreshError: '' } : s));
  }, []);

  return { state, reload: () => void load(), refresh, show };
}
