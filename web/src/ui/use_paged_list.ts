// A server list read page by page with next_cursor. Reloads when fetchPage changes
// (wrap it in useCallback with the query as dependencies). Only the newest request
// may update the list, so fast typing in a search box never shows stale results.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Page } from '../api';
import { problemFrom } from './form_problem';

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  error: string;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  updateItems: (update: (items: T[]) => T[]) => void;
}

interface State<T> {
  items: T[];
  cursor: string | null;
  loading: boolean;
  error: string;
}

export function usePagedList<T>(fetchPage: (cursor?: string) => Promise<Page<T>>): PagedList<T> {
  const [state, setState] = useState<State<T>>({ items: [], cursor: null, loading: true, error: '' });
  const latestRequest = useRef(0);

  const load = useCallback(
    (cursor?: string) => {
      const request = ++latestRequest.current;
      setState((s) => ({ ...s, loading: true, error: '' }));
      fetchPage(cursor).then(
        (page) => {
          if (request !== latestRequest.current) return;
          setState((s) => ({
            items: cursor ? [...s.items, ...page.items] : page.items,
            cursor: page.next_cursor,
            loading: false,
            error: '',
          }));
        },
        (error: unknown) => {
          if (request !== latestRequest.current) return;
          setState((s) => ({ ...s, loading: false, error: problemFrom(error).message }));
        },
      );
    },
    [fetchPage],
  );

  useEffect(() => load(), [load]);

  return {
    items: state.items,
    loading: state.loading,
    error: state.error,
    hasMore: state.cursor !== null,
    loadMore: () => {
      if (state.cursor !== null) load(state.cursor);
    },
    reload: () => load(),
    updateItems: (update) => setState((s) => ({ ...s, items: update(s.items) })),
  };
}
