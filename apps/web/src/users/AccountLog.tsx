import { useTranslation } from 'react-i18next';
import { api } from '../api/api.js';
import type { AccountLogEntry } from '../api/types.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { useLang } from '../i18n/useLang.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { ShowMore } from '../ui/ShowMore.js';
import { usePages } from '../ui/usePages.js';

/**
 * The account log of the administrator's country, newest first: who created, changed or gave a
 * new password to which account, and every login, logout and failed login. `version` changes
 * after each change made on this page, so that it shows at once. `regional`: the log holds every
 * country's accounts, so each entry says its country (a user name need not).
 */
export function AccountLog({ version, regional }: { version: number; regional: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const pages = usePages((after) => api.accountLog(after), [version]);
  const { first, rows } = pages;
  const value = (field: string, v: string | boolean | null) =>
    v === null
      ? '—'
      : field === 'role'
        ? t(`roles.${String(v)}`)
        : field === 'disabled'
          ? t(v ? 'users.disabled' : 'users.active')
          : String(v);
  return (
    <>
      <h2 id="account-log-title">{t('accountLog.title')}</h2>
      <p className="hint">{t('accountLog.lede')}</p>
      {first.status === 'error' ? <ErrorMessage error={first.error} /> : null}
      {rows && rows.length === 0 ? <p className="empty">{t('accountLog.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-scroll">
          <table className="worklist account-log" aria-labelledby="account-log-title">
            <thead>
              <tr>
                <th scope="col">{t('accountLog.at')}</th>
                <th scope="col">{t('accountLog.account')}</th>
                {regional ? <th scope="col">{t('users.country')}</th> : null}
                <th scope="col">{t('accountLog.what')}</th>
                <th scope="col">{t('accountLog.by')}</th>
                <th scope="col">{t('accountLog.from')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e: AccountLogEntry) => (
                <tr key={e.id} className={e.action === 'login-failed' ? 'account-log-failed' : undefined}>
                  <td>{formatDateTime(e.at, lang)}</td>
                  <td>
                    {e.username}
                    {e.action === 'login-failed' && e.userId === null ? (
                      <span className="hint account-log-unknown">{t('accountLog.unknownName')}</span>
                    ) : null}
                  </td>
                  {regional ? <td>{t(`countries.${e.country}`)}</td> : null}
                  <td>
                    {t(`accountLog.actions.${e.action}`)}
                    {e.changes.length > 0 ? (
                      <ul className="account-log-changes">
                        {e.changes.map((c) => (
                          <li key={c.field}>
                            {t(`accountLog.fields.${c.field}`)}: {value(c.field, c.from)} →{' '}
                            {value(c.field, c.to)}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td>{e.actorUsername ?? '—'}</td>
                  <td>{e.address ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShowMore pages={pages} label={t('accountLog.more')} />
    </>
  );
}
