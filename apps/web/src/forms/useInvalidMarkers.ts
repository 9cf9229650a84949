import { useEffect, type RefObject } from 'react';

/**
 * Keeps `aria-invalid` on every input of a form in step with the errors rjsf shows: a control is
 * invalid while rjsf renders its error list (`<id>__error`). rjsf's core theme does not set it,
 * and screen readers rely on it to say "invalid entry".
 */
export function useInvalidMarkers(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const sync = () => {
      for (const el of root.querySelectorAll<HTMLElement>('input, select, textarea')) {
        if (!el.id) continue;
        const fieldId = el.id.replace(/-\d+$/, '');
        const invalid = document.getElementById(`${fieldId}__error`) !== null;
        if (invalid && el.getAttribute('aria-invalid') !== 'true') el.setAttribute('aria-invalid', 'true');
        if (!invalid && el.hasAttribute('aria-invalid')) el.removeAttribute('aria-invalid');
      }
    };
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);
}
