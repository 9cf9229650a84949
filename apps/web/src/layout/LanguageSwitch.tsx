import { useTranslation } from 'react-i18next';
import { setLang, UI_LANGS } from '../i18n/i18n.js';
import { useLang } from '../i18n/useLang.js';

/** Two buttons, "Español" and "English", each named in its own language (and tagged so). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {UI_LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="btn btn-small"
          aria-pressed={l === lang}
          onClick={() => void setLang(l)}
        >
          {l === 'es' ? 'Español' : 'English'}
        </button>
      ))}
    </div>
  );
}
