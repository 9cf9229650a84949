import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const MIN_REASON_LENGTH = 10;

/**
 * Asks why a reserved value must be seen before it is shown. A native modal <dialog>: focus
 * moves into it and stays there, Escape closes it, focus returns to the button that opened it.
 */
export function RevealDialog({
  fieldLabel,
  open,
  busy,
  error,
  onCancel,
  onReveal,
}: {
  fieldLabel: string;
  open: boolean;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onReveal: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setReason('');
      setProblem(null);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < MIN_REASON_LENGTH) {
      setProblem(t('reveal.reasonTooShort', { count: MIN_REASON_LENGTH }));
      return;
    }
    setProblem(null);
    onReveal(reason.trim());
  };
  const shown = problem ?? error;

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{t('reveal.title', { field: fieldLabel })}</h2>
        <p>{t('reveal.explain')}</p>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('reveal.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={shown ? true : undefined}
            aria-describedby={shown ? `${id}-problem` : undefined}
            required
          />
          {shown ? (
            <span id={`${id}-problem`} className="field-error" role="alert">
              {shown}
            </span>
          ) : null}
        </div>
        <div className="dialog-buttons">
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('reveal.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
