import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../ui/ErrorMessage.js';
import { RevealDialog } from './RevealDialog.js';

/**
 * A reserved value: hidden, with a button to reveal it after stating why (the server logs the
 * reason). Once revealed it can be hidden again; it is never kept beyond this page.
 */
export function SensitiveValue({
  fieldLabel,
  reveal,
  render,
}: {
  fieldLabel: string;
  reveal: (reason: string) => Promise<unknown>;
  render: (value: unknown) => string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [value, setValue] = useState<{ v: unknown } | null>(null);

  if (value) {
    return (
      <span className="sensitive is-revealed">
        <span>{render(value.v)}</span>{' '}
        <button type="button" className="btn btn-link" onClick={() => setValue(null)}>
          {t('reveal.hide')}
          <span className="visually-hidden"> {fieldLabel}</span>
        </button>
      </span>
    );
  }
  return (
    <span className="sensitive">
      <span className="sensitive-mask">{t('reveal.reserved')}</span>{' '}
      <button type="button" className="btn btn-link" onClick={() => setOpen(true)}>
        {t('reveal.show')}
        <span className="visually-hidden"> {fieldLabel}</span>
      </button>
      <RevealDialog
        fieldLabel={fieldLabel}
        open={open}
        busy={busy}
        error={error}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
        onReveal={(reason) => {
          setBusy(true);
          setError(null);
          reveal(reason)
            .then((v) => {
              setValue({ v });
              setOpen(false);
            })
            .catch((err: unknown) => setError(describeError(err, t)))
            .finally(() => setBusy(false));
        }}
      />
    </span>
  );
}
