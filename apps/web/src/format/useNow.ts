import { createContext, useContext, useEffect, useState } from 'react';

/**
 * A fixed "now" for Storybook and screenshots, so a story always shows the same time left.
 * The live app leaves it null and ticks every half minute.
 */
export const FixedNowContext = createContext<number | null>(null);

export function useNow(tickMs = 30_000): number {
  const fixed = useContext(FixedNowContext);
  const [now, setNow] = useState(() => fixed ?? Date.now());
  useEffect(() => {
    if (fixed !== null) return;
    const id = window.setInterval(() => setNow(Date.now()), tickMs);
    return () => window.clearInterval(id);
  }, [fixed, tickMs]);
  return fixed ?? now;
}
