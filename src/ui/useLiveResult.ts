// A live Dexie query as state a screen can render: loading, data, or an error with a retry.
// (useLiveQuery throws query errors into rendering; lists need to show them with a Retry.)
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useState } from 'react';

export type LiveResult<T> =
  | { status: 'loading'; data: undefined; error: null; retry(): void }
  | { status: 'ready'; data: T; error: null; retry(): void }
  | { status: 'error'; data: undefined; error: string; retry(): void };

function reasonOf(e: unknown): string {
  if (e && typeof e === 'object' && 'name' in e && typeof e.name === 'string') return e.name;
  return 'unknown';
}

export function useLiveResult<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveResult<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; data?: T; error?: string }>({ status: 'loading' });
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  useEffect(() => {
    setState((s) => (s.status === 'error' ? { status: 'loading' } : s));
    const sub = liveQuery(query).subscribe({
      next: (data) => setState({ status: 'ready', data }),
      error: (e: unknown) => setState({ status: 'error', error: reasonOf(e) }),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists the query's inputs
  }, [...deps, attempt]);
  if (state.status === 'ready') return { status: 'ready', data: state.data as T, error: null, retry };
  if (state.status === 'error') return { status: 'error', data: undefined, error: state.error ?? 'unknown', retry };
  return { status: 'loading', data: undefined, error: null, retry };
}
