import { useEffect, useState } from 'react';
import { api } from '../api/api.js';

/** How often the banner asks whether new alerts came in. */
const POLL_MS = 60_000;

const listeners = new Set<() => void>();

/** Asks every banner to count the unread alerts again now (after one is marked read, say). */
export function refreshUnreadAlerts(): void {
  for (const l of listeners) l();
}

/**
 * The number of alerts the user has not read yet, kept current: counted when the banner shows,
 * every minute, and whenever refreshUnreadAlerts is called. null while unknown or when
 * `enabled` is false (roles that receive no alerts).
 */
export function useUnreadAlerts(enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = () => {
      api.unreadAlerts().then(
        (unread) => live && setCount(unread.count),
        () => undefined,
      );
    };
    load();
    listeners.add(load);
    const timer = setInterval(load, POLL_MS);
    return () => {
      live = false;
      listeners.delete(load);
      clearInterval(timer);
    };
  }, [enabled]);
  return enabled ? count : null;
}
