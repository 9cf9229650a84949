import { useEffect, useState } from 'react';

/** A load in progress, failed (`error` is said in the page's language where it is shown), or done. */
export type Loaded<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ok'; value: T };

/** Runs `load` when `key` changes; the answer of an older key is ignored. */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (value) => live && setState({ status: 'ok', value }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `key` says when it means something else.
  }, [key, tick]);
  // Loading from the moment a reload is asked for: no render shows the old answer beside what
  // changed it (a draft said discarded while still listed).
  const reload = () => {
    setState({ status: 'loading' });
    setTick((n) => n + 1);
  };
  return [state, reload];
}
