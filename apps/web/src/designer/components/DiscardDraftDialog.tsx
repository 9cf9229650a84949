import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/formatDateTime.js';
import { useLang } from '../../i18n/useLang.js';
import { refOf, type ProtocolListItem } from '../api/designerApi.js';

/**
 * Asks before a draft is discarded, saying what goes with it: everything edited in it since it
 * was begun (its last save named), never a published version or a case. A native modal
 * <dialog>: focus moves into it, on "Cancelar" first (the harmless answer); Escape cancels.
 */
export function DiscardDraftDialog({
  draft,
  busy,
  error,
  onCancel,
  onDiscard,
}: {
  /** The draft to discard; null while the dialog is closed. */
  draft: ProtocolListItem | null;
  busy: boolean;
  /** Why the last attempt failed, in the page's language. */
  error: string | null;
  onCancel: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation('designer');
  const { lang, pick } = useLang();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (draft && !d.open) d.showModal();
    if (!draft && d.open) d.close();
  }, [draft]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid="discard-draft-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {draft && (
        <>
          <h2 id={`${id}-title`}>
            {t('list.discard.title', { title: pick(draft.title), ref: refOf(draft) })}
          </h2>
          <div id={`${id}-body`}>
            <p>{t('list.discard.lost')}</p>
            {draft.updatedAt && (
              <p>{t('list.discard.lastSaved', { when: formatDateTime(draft.updatedAt, lang) })}</p>
            )}
            <p>{t('list.discard.kept')}</p>
          </div>
          {error && (
            <p className="dz-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" className="btn" autoFocus disabled={busy} onClick={onCancel}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              name="confirm-discard"
              className="btn btn-danger"
              disabled={busy}
              onClick={onDiscard}
            >
              {busy ? t('list.discard.busy') : t('list.discard.confirm')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
