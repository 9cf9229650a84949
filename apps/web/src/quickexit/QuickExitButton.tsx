import { useTranslation } from 'react-i18next';
import { quickExit } from './quickExit.js';
import { useEscapeTwice } from './useEscapeTwice.js';

/**
 * The quick exit, also bound to Escape pressed twice. `shortcut`: false for a second button on
 * the same page (a dialog's), so Escape twice is listened for once.
 */
export function QuickExitButton({ shortcut = true }: { shortcut?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {shortcut ? <EscapeTwice /> : null}
      <button type="button" className="btn quick-exit" onClick={quickExit} aria-keyshortcuts="Escape Escape">
        {t('quickExit.button')}
        <span className="quick-exit-hint" aria-hidden="true">
          {' '}
          (Esc Esc)
        </span>
      </button>
    </>
  );
}

function EscapeTwice() {
  useEscapeTwice(quickExit);
  return null;
}
