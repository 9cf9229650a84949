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
    // Not when the user is already working inside the page (a field they are typing in); a link
    // in the banner that brought them here, or nothing, gives way to the new page's heading.
    const active = document.activeElement;
    const main = document.getElementById('main');
    if (!active || active === document.body || !main || !main.contains(active)) ref.current?.focus();
  }, []);
  return ref;
}
