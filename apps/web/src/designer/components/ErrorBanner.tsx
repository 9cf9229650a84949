import { useTranslation } from 'react-i18next';
import type { EditError } from '../model/EditError.js';

/** Why the last edit was not made, in the user's language, until they dismiss it or edit again. */
export function ErrorBanner({ error, onDismiss }: { error: EditError | null; onDismiss: () => void }) {
  const { t } = useTranslation('designer');
  if (!error) return null;
  return (
    <div className="dz-error" role="alert">
      <span>{t(`errors.${error.code}`, { ...error.params, defaultValue: error.message })}</span>
      <button type="button" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
