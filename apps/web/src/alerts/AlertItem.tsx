import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../api/types.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { useLang } from '../i18n/useLang.js';

/**
 * One alert: what happened, when, which case; a link to the case when the reader's country runs it.
 * The item itself takes focus (id `alertItemId`) once its button is gone, so a keyboard user is
 * not sent back to the top of the page.
 */
export function AlertItem({
  alert,
  canOpen,
  busy,
  onRead,
}: {
  alert: Alert;
  canOpen: boolean;
  busy: boolean;
  onRead: () => void;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  return (
    <li
      id={alertItemId(alert.id)}
      tabIndex={-1}
      className={`card alert-item${alert.read ? '' : ' alert-unread'}`}
    >
      <p className="alert-reason">
        {alert.read ? null : <span className="badge badge-pending">{t('alerts.new')}</span>}{' '}
        {pick(alert.reason)}
      </p>
      <p className="muted">
        {t('alerts.meta', {
          at: formatDateTime(alert.at, lang),
          country: alert.caseCountry ? t(`countries.${alert.caseCountry}`) : t('alerts.unknownCountry'),
          caseId: alert.caseId,
        })}
      </p>
      <p className="button-row">
        {canOpen ? (
          <Link className="btn btn-small" to={`/cases/${encodeURIComponent(alert.caseId)}`}>
            {t('alerts.openCase')}
          </Link>
        ) : (
          <span className="hint">{t('alerts.notYours')}</span>
        )}
        {alert.read ? null : (
          <button type="button" className="btn btn-small" disabled={busy} onClick={onRead}>
            {t('alerts.markRead')}
          </button>
        )}
      </p>
    </li>
  );
}

/** The id of an alert's list item. */
export function alertItemId(alertId: string): string {
  return `alert-${alertId.replace(/\W/g, '_')}`;
}
