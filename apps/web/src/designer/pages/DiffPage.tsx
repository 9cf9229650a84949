import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useLang } from '../../i18n/useLang.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { describeError } from '../../ui/ErrorMessage.js';
import { designerApi, parseRef } from '../api/designerApi.js';
import { DiffView } from '../components/DiffView.js';
import { useLoad } from './useLoad.js';

/** Two published versions side by side (?a=id@v&b=id@v), e.g. a variant and its regional base. */
export function DiffPage() {
  const { t } = useTranslation('designer');
  const { t: tApp } = useTranslation();
  const { lang } = useLang();
  const [params] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const heading = usePageTitle(t('diff.title', { a, b }));
  const ra = parseRef(a);
  const rb = parseRef(b);
  const [state] = useLoad(async () => {
    if (!ra || !rb) return null;
    const [pa, pb, diff] = await Promise.all([
      designerApi.protocol(ra.id, ra.version),
      designerApi.protocol(rb.id, rb.version),
      designerApi.diff(a, b),
    ]);
    return { pa, pb, diff };
  }, `${a}|${b}`);
  return (
    <section className="dz-page dz-page-wide">
      <h1 ref={heading} tabIndex={-1}>
        {t('diff.title', { a, b })}
      </h1>
      <Link to=".." relative="path">
        {t('editor.backToList')}
      </Link>
      {state.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.status === 'error' && (
        <p className="dz-error" role="alert">
          {describeError(state.error, tApp)}
        </p>
      )}
      {state.status === 'ok' &&
        (state.value ? (
          <DiffView a={state.value.pa} b={state.value.pb} diff={state.value.diff} lang={lang} />
        ) : (
          <p className="dz-error" role="alert">
            {t('diff.badRefs')}
          </p>
        ))}
    </section>
  );
}
