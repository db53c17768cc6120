// A list read in one call (programs, a program's entries). Reloads when fetchItems
// changes (wrap it in useCallback); null means there is nothing to read yet. Only
// the newest request may update the list, so a quick change of program or filter
// never shows stale entries. reload() resolves once the list is up to date.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { problemFrom } from '../ui/form_problem';

export interface ServerList<T> {
  items: T[];
  loading: boolean;
  error: string;
  hasMore: false;
  loadMore: () => void;
  reload: () => Promise<void>;
}

export function useServerList<T>(fetchItems: (() => Promise<T[]>) | null): ServerList<T> {
  const [state, setState] = useState<{ items: T[]; loading: boolean; error: string }>({ items: [], loading: fetchItems !== null, error: '' });
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    if (!fetchItems) return setState({ items: [], loading: false, error: '' });
    setState((s) => ({ ...s, loading: true, error: '' }));
    try {
      const items = await fetchItems();
      if (request === latest.current) setState({ items, loading: false, error: '' });
    } catch (e) {
      if (request === latest.current) setState((s) => ({ ...s, loading: false, error: problemFrom(e).message }));
    }
  }, [fetchItems]);

  useEffect(() => void reload(), [reload]);
  return { ...state, hasMore: false, loadMore: () => {}, reload };
}
