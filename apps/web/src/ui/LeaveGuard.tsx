import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext.js';
import { isQuickExiting } from '../quickexit/quickExit.js';

/**
 * While `when` holds (answers typed and not sent), leaving the page asks first: a reload or
 * closing the tab through the browser's own question (beforeunload), a link, "Mis casos" or the
 * back and forward buttons through a dialog that says what would be lost. The session ending
 * keeps the page too (holdPage). The quick exit is never held. Nothing typed is stored anywhere
 * else: the computer may be shared.
 */
export function LeaveGuard({ when }: { when: boolean }) {
  const { t } = useTranslation();
  const { holdPage } = useAuth();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when &&
      !isQuickExiting() &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (!when) return;
    const warn = (e: BeforeUnloadEvent) => {
      if (isQuickExiting()) return;
      e.preventDefault();
      // Older browsers ask only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  useEffect(() => (when ? holdPage() : undefined), [when, holdPage]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (blocker.state === 'blocked' && !d.open) d.showModal();
    if (blocker.state !== 'blocked' && d.open) d.close();
  }, [blocker.state]);

  return (
    <dialog
      ref={ref}
      className="dialog leave-dialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-body"
      onCancel={(e) => {
        e.preventDefault();
        blocker.reset?.();
      }}
    >
      <h2 id="leave-title">{t('leave.title')}</h2>
      <p id="leave-body">{t('leave.body')}</p>
      <div className="dialog-buttons">
        <button type="button" className="btn" onClick={() => blocker.proceed?.()}>
          {t('leave.go')}
        </button>
        <button type="button" className="btn btn-primary" autoFocus onClick={() => blocker.reset?.()}>
          {t('leave.stay')}
        </button>
      </div>
    </dialog>
  );
}
