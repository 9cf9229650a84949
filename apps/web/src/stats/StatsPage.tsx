import { useState } from 'react';
import { PROFILE_VOCABULARY, profileLabel } from '@ruta/protocol/profileVocabulary';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.js';
import { useProtocolSummaries } from '../api/protocolSummaries.js';
import { STATS_DIMENSIONS, type StatsDimension } from '../api/types.js';
import { useUser } from '../auth/AuthContext.js';
import { useLang } from '../i18n/useLang.js';
import { usePageTitle } from '../layout/usePageTitle.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useAsync } from '../ui/useAsync.js';
import { useStageTitles } from './useStageTitles.js';

/**
 * Anonymised counts of the cases of the user's country (every country's for regional users), by
 * the dimensions they pick. What the server withholds stays withheld: cells of fewer than 5
 * cases are left out (their number is said), and every count is rounded down to a multiple of 5.
 */
export default function StatsPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const user = useUser();
  const headingRef = usePageTitle(t('stats.title'));
  const [by, setBy] = useState<StatsDimension[]>(['originCountry']);
  const result = useAsync(() => api.stats(by), [by.join(',')]);
  const protocols = useProtocolSummaries();
  const stages = useStageTitles(by.includes('state'));

  const toggle = (d: StatsDimension, on: boolean) =>
    setBy((current) => {
      const next = STATS_DIMENSIONS.filter((x) => (x === d ? on : current.includes(x)));
      return next.length > 0 ? next : current;
    });

  const shown = (d: StatsDimension, v: string | null | undefined): string => {
    if (v === null || v === undefined || v === '') return t('stats.notRecorded');
    if (d in PROFILE_VOCABULARY) return profileLabel(d as keyof typeof PROFILE_VOCABULARY, v, lang) ?? v;
    if (d === 'protocol') {
      const p = protocols.find((x) => x.id === v);
      return p ? pick(p.title) : v;
    }
    const titles = stages.get(v);
    return titles ? [...new Set(titles.map(pick))].join(' / ') : v;
  };

  const data = result.data;
  return (
    <section className="stats-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('stats.title')}
      </h1>
      <p className="lede">
        {user.country === 'REGIONAL'
          ? t('stats.ledeRegional')
          : t('stats.lede', { country: t(`countries.${user.country}`) })}
      </p>
      <fieldset className="card stats-dimensions">
        <legend>{t('stats.by')}</legend>
        {STATS_DIMENSIONS.map((d) => (
          <label key={d} className="field-check">
            <input
              type="checkbox"
              checked={by.includes(d)}
              disabled={by.length === 1 && by.includes(d)}
              onChange={(e) => toggle(d, e.target.checked)}
            />
            {t(`stats.dimension.${d}`)}
          </label>
        ))}
      </fieldset>
      {result.status === 'error' ? <ErrorMessage error={result.error} /> : null}
      {result.status === 'loading' ? (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {data ? (
        <>
          {data.cells.length === 0 ? (
            <p className="empty">{t('stats.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="worklist stats-table">
                <caption className="visually-hidden">{t('stats.title')}</caption>
                <thead>
                  <tr>
                    {by.map((d) => (
                      <th key={d} scope="col">
                        {t(`stats.dimension.${d}`)}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t('stats.cases')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.cells.map((c, i) => (
                    <tr key={i}>
                      {by.map((d) => (
                        <td key={d}>{shown(d, c.key[d])}</td>
                      ))}
                      <td className="num">{c.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="hint" role="status">
            {t('stats.protection', { rounding: data.rounding })}
          </p>
        </>
      ) : null}
    </section>
  );
}
