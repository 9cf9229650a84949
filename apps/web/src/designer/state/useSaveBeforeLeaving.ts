import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * Holds a click on a link to another page of the app while `mustSave()` says the draft has an
 * edit the server does not have yet: saves it first, then follows the link. When that save fails
 * the page stays, with the failure on screen (and `mustSave` should then let the next click go).
 * A click is held rather than blocked (ui/LeaveGuard's useBlocker asks the user) because here
 * nothing needs asking: the save runs, then the link is followed. A full unload is covered by
 * beforeunload, the back button by the save on unmount.
 *
 * @example useSaveBeforeLeaving(() => status.kind !== 'error' && hasUnsaved(), saveNow);
 */
export function useSaveBeforeLeaving(mustSave: () => boolean, saveNow: () => Promise<boolean>): void {
  const navigate = useNavigate();
  const latest = useRef({ mustSave, saveNow });
  latest.current = { mustSave, saveNow };
  // A page left meanwhile (the back button) does not then follow the link.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    // Capturing on the document runs before the router's own click handler, which leaves a
    // click whose default was prevented alone.
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.altKey || e.ctrlKey || e.shiftKey) return;
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download')) return;
      if (link.target !== '' && link.target !== '_self') return;
      const to = new URL(link.href, window.location.href);
      const here = window.location;
      if (to.origin !== here.origin || (to.pathname === here.pathname && to.search === here.search)) return;
      if (!latest.current.mustSave()) return;
      e.preventDefault();
      void latest.current.saveNow().then((ok) => {
        if (ok && mounted.current) navigate(`${to.pathname}${to.search}${to.hash}`);
      });
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [navigate]);
}
