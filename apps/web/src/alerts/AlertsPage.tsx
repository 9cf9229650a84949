import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.js';
import { useUser } from '../auth/AuthContext.js';
import { usePageTitle } from '../layout/usePageTitle.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useAsync } from '../ui/useAsync.js';
import { AlertItem } from './AlertItem.js';
import { refreshUnreadAlerts } from './unreadAlerts.js';

/**
 * The alerts protocols send to the country's focal points and supervisors (the 24-hour alert,
 * a decided return, an overdue alert), newest first, the unread ones marked until each reader
 * marks them read for themselves.
 */
export default function AlertsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const headingRef = usePageTitle(t('alerts.title'));
  const list = useAsync(() => api.alerts(), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const markRead = async (ids: string[]) => {
    setBusy(true);
    setError(null);
    try {
      for (const id of ids) await api.markAlertRead(id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      list.reload();
      refreshUnreadAlerts();
    }
  };

  const alerts = list.data ?? [];
  const unread = alerts.filter((a) => !a.read);
  return (
    <section className="alerts-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('alerts.title')}
      </h1>
      <p className="lede">{t('alerts.lede')}</p>
      {list.status === 'error' ? <ErrorMessage error={list.error} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {list.status === 'loading' && !list.data ? (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {list.data && alerts.length === 0 ? <p className="empty">{t('alerts.none')}</p> : null}
      {unread.length > 1 ? (
        <p className="button-row">
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void markRead(unread.map((a) => a.id))}
          >
            {t('alerts.markAllRead', { count: unread.length })}
          </button>
        </p>
      ) : null}
      {alerts.length > 0 ? (
        <ul className="alert-list">
          {alerts.map((a) => (
            <AlertItem
              key={a.id}
              alert={a}
              canOpen={a.caseCountry !== null && a.caseCountry === user.country}
              busy={busy}
              onRead={() => void markRead([a.id])}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
