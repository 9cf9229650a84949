import { useTranslation } from 'react-i18next';
import { quickExit } from './quickExit.js';
import { useEscapeTwice } from './useEscapeTwice.js';

/** The always-visible quick exit, also bound to Escape pressed twice. */
export function QuickExitButton() {
  const { t } = useTranslation();
  useEscapeTwice(quickExit);
  return (
    <button type="button" className="btn quick-exit" onClick={quickExit} aria-keyshortcuts="Escape Escape">
      {t('quickExit.button')}
      <span className="quick-exit-hint" aria-hidden="true">
        {' '}
        (Esc Esc)
      </span>
    </button>
  );
}
