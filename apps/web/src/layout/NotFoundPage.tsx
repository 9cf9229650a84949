import { useTranslation } from 'react-i18next';
import { HomeLink } from './HomeLink.js';
import { usePageTitle } from './usePageTitle.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  const ref = usePageTitle(t('notFound.title'));
  return (
    <div className="page">
      <h1 ref={ref} tabIndex={-1}>
        {t('notFound.title')}
      </h1>
      <p>
        <HomeLink />
      </p>
    </div>
  );
}
