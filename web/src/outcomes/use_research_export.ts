// A research export's life on the page: start it with the filters, then read its
// progress every half second until it is done or failed. Polling stops when the
// page goes; only one export is followed at a time.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient, ResearchExport, ResearchExportFilters } from '../api';
import { problemFrom } from '../ui/form_problem';

/** How often a running export's progress is read (the API's advice: about 500 ms). */
export const EXPORT_POLL_MS = 500;

export type ExportState = { kind: 'idle' } | { kind: 'starting' } | { kind: 'following'; job: ResearchExport } | { kind: 'failed'; message: string };

export function useResearchExport(api: ApiClient) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current++; // the page went: stop following
    },
    [],
  );

  const follow = async (job: ResearchExport, mine: number) => {
    let current = job;
    while (current.state === 'running' && mine === generation.current) {
      await new Promise((resolve) => setTimeout(resolve, EXPORT_POLL_MS));
      if (mine !== generation.current) return;
      try {
        current = await api.getResearchExport(current.id);
      } catch (e) {
        if (mine === generation.current) setState({ kind: 'failed', message: problemFrom(e).message });
        return;
      }
      if (mine === generation.current) setState({ kind: 'following', job: current });
    }
  };

  const start = async (filters: ResearchExportFilters) => {
    const mine = ++generation.current;
    setState({ kind: 'starting' });
    try {
      const job = await api.startResearchExport(filters);
      if (mine !== generation.current) return;
      setState({ kind: 'following', job });
      await follow(job, mine);
    } catch (e) {
      if (mine === generation.current) setState({ kind: 'failed', message: problemFrom(e).message });
    }
  };

  return { state, start };
}
