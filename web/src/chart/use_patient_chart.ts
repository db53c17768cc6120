// Loads what the chart shows: the patient's record (identity, demographics), the
// documented history, the screening (findings and latest decision), and the record's
// dated entries (measurements, allergies, baseline tests). After any change to the
// history the chart reads history and screening again, so the header's flags and
// "Re-screening needed" are always the server's current word, never a guess made in
// the browser; after a new entry it reads that list again.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Allergy, type ApiClient, type BaselineTest, type Measurement, type PatientHistory, type PatientRecord, type Screening } from '../api';
import { problemFrom } from '../ui/form_problem';

export interface ChartData {
  patient: PatientRecord;
  history: PatientHistory;
  screening: Screening;
  measurements: Measurement[];
  allergies: Allergy[];
  baselineTests: BaselineTest[];
}

/** The lists of dated entries, each read again on its own after an addition. */
export type EntryList = 'measurements' | 'allergies' | 'baselineTests';

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
      const [patient, history, screening, measurements, allergies, baselineTests] = await Promise.all([
        api.getPatient(patientId),
        api.getPatientHistory(patientId),
        api.getScreening(patientId),
        api.listMeasurements(patientId),
        api.listAllergies(patientId),
        api.listBaselineTests(patientId),
      ]);
      if (request === latestRequest.current) setState({ kind: 'loaded', data: { patient, history, screening, measurements, allergies, baselineTests }, refreshError: '' });
    } catch (e) {
      if (request !== latestRequest.current) return;
      setState({ kind: 'failed', message: problemFrom(e).message, notFound: e instanceof ApiError && e.status === 404 });
    }
  }, [api, patientId]);
  useEffect(() => void load(), [load]);

  /** Reads part of the chart again, keeping the chart on screen meanwhile. */
  const reread = useCallback(
    async (read: () => Promise<Partial<ChartData>>) => {
      const request = ++latestRequest.current;
      try {
        const fresh = await read();
        if (request !== latestRequest.current) return;
        setState((s) => (s.kind === 'loaded' ? { kind: 'loaded', data: { ...s.data, ...fresh }, refreshError: '' } : s));
      } catch (e) {
        if (request !== latestRequest.current) return;
        const message = `The chart may be out of date: ${problemFrom(e).message}`;
        setState((s) => (s.kind === 'loaded' ? { ...s, refreshError: message } : s));
      }
    },
    [],
  );

  /**
   * Reads the history and screening again. `saved` is a history the server has just
   * returned, shown at once.
   */
  const refresh = useCallback(
    async (saved?: PatientHistory) => {
      if (saved) setState((s) => (s.kind === 'loaded' ? { ...s, data: { ...s.data, history: saved } } : s));
      await reread(async () => {
        const [history, screening] = await Promise.all([api.getPatientHistory(patientId), api.getScreening(patientId)]);
        return { history, screening };
      });
    },
    [api, patientId, reread],
  );

  /** Shows the record the server returned after a change, then reads the screening again (age may have changed). */
  const recordSaved = useCallback(
    async (patient: PatientRecord) => {
      setState((s) => (s.kind === 'loaded' ? { ...s, data: { ...s.data, patient } } : s));
      await reread(async () => ({ screening: await api.getScreening(patientId) }));
    },
    [api, patientId, reread],
  );

  /** Reads one list of dated entries again. */
  const reloadEntries = useCallback(
    async (list: EntryList) => {
      const readers: Record<EntryList, () => Promise<Partial<ChartData>>> = {
        measurements: async () => ({ measurements: await api.listMeasurements(patientId) }),
        allergies: async () => ({ allergies: await api.listAllergies(patientId) }),
        baselineTests: async () => ({ baselineTests: await api.listBaselineTests(patientId) }),
      };
      await reread(readers[list]);
    },
    [api, patientId, reread],
  );

  return { state, reload: () => void load(), refresh, recordSaved, reloadEntries };
}
