import { useEffect, useRef } from 'react';

/**
 * Sets the document title ("<page> · Ruta") and, when a page first shows, moves focus to its
 * heading so a screen-reader user hears where they landed after a route change. Returns the
 * ref for the page's <h1 tabIndex={-1}>.
 */
export function usePageTitle(title: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Ruta`;
  }, [title]);
  useEffect(() => {
    // Only when nothing else was deliberately focused (e.g. a field the user is typing in).
    if (document.activeElement === document.body || document.activeElement === null) ref.current?.focus();
  }, []);
  return ref;
}
