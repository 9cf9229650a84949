import { useEffect } from 'react';

export const ESCAPE_WINDOW_MS = 1000;

/** Calls `onTwice` when Escape is pressed twice within a second, anywhere on the page. */
export function useEscapeTwice(onTwice: () => void): void {
  useEffect(() => {
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const now = e.timeStamp;
      if (last !== 0 && now - last <= ESCAPE_WINDOW_MS) {
        last = 0;
        onTwice();
      } else {
        last = now;
      }
    };
    // Capture phase, so a dialog or widget that swallows Escape cannot block the exit.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onTwice]);
}
