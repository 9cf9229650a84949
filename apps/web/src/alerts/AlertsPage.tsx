import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.js';
import { useUser } from '../auth/AuthContext.js';
import { usePageTitle } from '../layout/usePageTitle.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { ShowMore } from '../ui/ShowMore.js';
import { usePages } from '../ui/usePages.js';
import type { Alert } from '../api/types.js';
import { AlertItem, alertItemId } from './AlertItem.js';
import { refreshUnreadAlerts } from './unreadAlerts.js';

/**
 * The alerts protocols send to the country's focal points and supervisors (the 24-hour alert,
 * a decided return, an overdue alert), newest first, the unread ones marked until each reader
 * marks them read for themselves. A page at a time: "Mostrar más avisos" fetches older ones.
 */
export default function AlertsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const headingRef = usePageTitle(t('alerts.title'));
  const pages = usePages((after) => api.alerts(after), []);
  const list = pages.first;
  // Marked read here: shown read at once, with the pages fetched so far kept.
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Where focus goes once the marking is shown: the button pressed is gone.
  const [focusAfter, setFocusAfter] = useState<{ ids: string[]; failed: boolean } | null>(null);

  const alerts = (pages.rows ?? []).map((a) => (readHere.has(a.id) && !a.read ? { ...a, read: true } : a));
  const unread = alerts.filter((a) => !a.read);

  const markRead = async (ids: string[]) => {
    setBusy(true);
    setError(null);
    const marked: string[] = [];
    try {
      for (const id of ids) {
        await api.markAlertRead(id);
        marked.push(id);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setReadHere((before) => new Set([...before, ...marked]));
      setFocusAfter({ ids, failed: marked.length < ids.length });
      refreshUnreadAlerts();
    }
  };

  useEffect(() => {
    if (!focusAfter) return;
    setFocusAfter(null);
    // Failed (its message is announced): stay on the alert that is still unread.
    const next = focusAfter.failed
      ? (alerts.find((a) => focusAfter.ids.includes(a.id) && !a.read) ?? alerts.find((a) => !a.read))
      : nextToFocus(alerts, focusAfter.ids);
    (next ? document.getElementById(alertItemId(next.id)) : headingRef.current)?.focus();
  }, [focusAfter, alerts, headingRef]);

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
      <ShowMore pages={pages} label={t('alerts.more')} className="alerts-more" />
    </section>
  );
}

/**
 * After marking `ids` read: the next unread alert below the (first) one marked, else the nearest
 * unread one above it, else that alert itself, now read.
 */
function nextToFocus(alerts: Alert[], ids: string[]): Alert | undefined {
  const at = alerts.findIndex((a) => ids.includes(a.id));
  if (at < 0) return alerts.find((a) => !a.read);
  const below = alerts.slice(at + 1).find((a) => !a.read);
  const above = alerts
    .slice(0, at)
    .reverse()
    .find((a) => !a.read);
  return below ?? above ?? alerts[at];
}
