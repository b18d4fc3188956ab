import { useEffect, useMemo, useState } from 'react';
import type { Cytometry } from '../engine/cytometryClient.ts';
import { createLatestOnly } from '../engine/latestOnly.ts';
import { useClient } from './context.ts';

export interface QueryState<T> {
  data: T | null;
  error: string | null;
  /** True while `data` belongs to an earlier key and the current one is still being computed. */
  stale: boolean;
}

/**
 * Runs a worker query whenever `key` changes (null: nothing to ask). While one query of this component runs,
 * newer keys replace older pending ones, so fast changes (dragging, scrolling through samples) never queue up.
 * Until the current key's answer arrives the previous data stays, marked stale, so plots do not flicker.
 */
export function useWorkerQuery<T>(key: string | null, query: (worker: Cytometry) => Promise<T>): QueryState<T> {
  const client = useClient();
  const schedule = useMemo(() => createLatestOnly(), []);
  const [state, setState] = useState<{ key: string | null; data: T | null; error: string | null }>({ key: null, data: null, error: null });

  useEffect(() => {
    if (key === null) return;
    let current = true;
    schedule('query', () => client.call(query)).then(
      (data) => {
        if (current && data !== undefined) setState({ key, data, error: null });
      },
      (error: unknown) => {
        if (current) setState({ key, data: null, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
    // The key identifies the query; the closure is rebuilt every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, client, schedule]);

  return state.key === key ? { data: state.data, error: state.error, stale: false } : { data: state.data, error: null, stale: true };
}
