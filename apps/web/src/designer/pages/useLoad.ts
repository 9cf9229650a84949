import { useEffect, useState } from 'react';

export type Loaded<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ok'; value: T };

/** Runs `load` when `key` changes; the answer of an older key is ignored. */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (value) => live && setState({ status: 'ok', value }),
      (e: unknown) =>
        live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `key` says when it means something else.
  }, [key, tick]);
  return [state, () => setTick((n) => n + 1)];
}
