import { Fragment, useId, useState } from 'react';
import type { Text } from '@ruta/protocol';
import { useTranslation } from 'react-i18next';

export interface TextPairProps {
  label: string;
  value: Text | undefined;
  onChange: (value: Text) => void;
  multiline?: boolean;
  required?: boolean;
  /**
   * When a required text that is empty says so under its input: "always" (editing a protocol,
   * where an emptied text stops it from publishing), "touched" (once the designer typed in it,
   * for a text being created) or "never" (the form around it says so itself).
   */
  missing?: 'always' | 'touched' | 'never';
  /** Used by tests and the e2e flow to find the inputs: "<name>-es", "<name>-en". */
  name: string;
}

/** A text in Spanish and English, side by side: protocols ship both languages complete. */
export function TextPair({
  label,
  value,
  onChange,
  multiline,
  required,
  missing = 'always',
  name,
}: TextPairProps) {
  const { t } = useTranslation('designer');
  const id = useId();
  const [touched, setTouched] = useState({ es: false, en: false });
  const v = value ?? { es: '', en: '' };
  const Input = multiline ? 'textarea' : 'input';
  return (
    <fieldset className="dz-textpair">
      <legend>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      {(['es', 'en'] as const).map((lang) => {
        const empty = required === true && v[lang].trim() === '';
        const say = empty && (missing === 'always' || (missing === 'touched' && touched[lang]));
        return (
          <Fragment key={lang}>
            <label htmlFor={`${id}-${lang}`} className="dz-textpair-row">
              <span className="dz-lang">{t(`lang.${lang}`)}</span>
              <Input
                id={`${id}-${lang}`}
                name={`${name}-${lang}`}
                value={v[lang]}
                aria-invalid={empty ? true : undefined}
                aria-describedby={say ? `${id}-${lang}-missing` : undefined}
                onChange={(e) => {
                  setTouched((was) => (was[lang] ? was : { ...was, [lang]: true }));
                  onChange({ ...v, [lang]: e.target.value });
                }}
              />
            </label>
            {say && (
              <p
                id={`${id}-${lang}-missing`}
                className="dz-danger"
                data-missing={lang}
                // Under the input, past the language column of .dz-textpair-row.
                style={{ margin: '0.1rem 0 0.3rem 4.9rem', fontSize: '0.88rem' }}
              >
                {t(`textPair.missing.${lang}`)}
              </p>
            )}
          </Fragment>
        );
      })}
    </fieldset>
  );
}
