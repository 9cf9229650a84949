import { useId } from 'react';
import type { Text } from '@ruta/protocol';
import { useTranslation } from 'react-i18next';

export interface TextPairProps {
  label: string;
  value: Text | undefined;
  onChange: (value: Text) => void;
  multiline?: boolean;
  required?: boolean;
  /** Used by tests and the e2e flow to find the inputs: "<name>-es", "<name>-en". */
  name: string;
}

/** A text in Spanish and English, side by side: protocols ship both languages complete. */
export function TextPair({ label, value, onChange, multiline, required, name }: TextPairProps) {
  const { t } = useTranslation('designer');
  const id = useId();
  const v = value ?? { es: '', en: '' };
  const Input = multiline ? 'textarea' : 'input';
  return (
    <fieldset className="dz-textpair">
      <legend>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      {(['es', 'en'] as const).map((lang) => (
        <label key={lang} htmlFor={`${id}-${lang}`} className="dz-textpair-row">
          <span className="dz-lang">{t(`lang.${lang}`)}</span>
          <Input
            id={`${id}-${lang}`}
            name={`${name}-${lang}`}
            value={v[lang]}
            aria-invalid={required && v[lang].trim() === '' ? true : undefined}
            onChange={(e) => onChange({ ...v, [lang]: e.target.value })}
          />
        </label>
      ))}
    </fieldset>
  );
}
