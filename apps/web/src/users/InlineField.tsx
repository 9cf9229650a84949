import type { FormEvent, InputHTMLAttributes, RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A one-field form opened in a row of the accounts' table (a new password, a corrected name):
 * its label is read, not shown (the row says whose it is); Escape or Cancelar closes it.
 * `errorId`: the row's message about it, when there is one.
 */
export function InlineField({
  id,
  label,
  value,
  onChange,
  onSubmit,
  onCancel,
  inputRef,
  submitLabel,
  busy,
  errorId,
  input,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  inputRef: RefObject<HTMLInputElement | null>;
  submitLabel: string;
  busy: boolean;
  errorId: string | null;
  /** What the input is (type, autoComplete…). */
  input: Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'spellCheck'>;
}) {
  const { t } = useTranslation();
  return (
    <form className="field inline" onSubmit={onSubmit} noValidate>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        {...input}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
        {...(errorId ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {})}
      />
      <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="btn btn-small btn-link" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
