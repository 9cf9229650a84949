import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './layout/usePageTitle.js';

/**
 * The protocol designer lives in ./designer (another team builds it). It is found with a glob so
 * the app builds whether or not it exists yet, and it is always its own chunk: the case-worker
 * area never downloads it.
 */
const found = import.meta.glob<{ default: ComponentType }>('./designer/DesignerApp.{tsx,ts,jsx,js}');
const loader = Object.values(found)[0];
const Designer = loader ? lazy(loader) : null;

export function DesignerRoute() {
  const { t } = useTranslation();
  if (!Designer) return <DesignerMissing />;
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      }
    >
      <Designer />
    </Suspense>
  );
}

function DesignerMissing() {
  const { t } = useTranslation();
  const ref = usePageTitle(t('designer.missingTitle'));
  return (
    <section className="page">
      <h1 ref={ref} tabIndex={-1}>
        {t('designer.missingTitle')}
      </h1>
      <p>{t('designer.missingBody')}</p>
    </section>
  );
}
