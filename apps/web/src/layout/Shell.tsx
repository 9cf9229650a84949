import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/AuthContext.js';
import { useUnreadAlerts } from '../alerts/unreadAlerts.js';
import { BannerTools } from './BannerTools.js';

/** The frame of every logged-in page: skip link, banner with navigation, main landmark. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const canDesign = user.role === 'designer';
  // Designers keep protocols and administrators accounts: neither sees cases or handovers.
  const seesCases = user.role !== 'admin' && user.role !== 'designer';
  // The roles protocols alert (notifyFocalPoint), who may read GET /api/notifications.
  const receivesAlerts = user.role === 'focalpoint' || user.role === 'supervisor';
  const unread = useUnreadAlerts(receivesAlerts);
  // The roles of the audit views (GET /api/audit/integrity).
  const audits = user.role === 'auditor' || user.role === 'supervisor';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="banner">
        <span className="brand">Ruta</span>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {seesCases ? (
              <>
                <li>
                  <NavLink to="/" end>
                    {t('nav.worklist')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/handovers">{t('nav.handovers')}</NavLink>
                </li>
                {receivesAlerts ? (
                  <li>
                    <NavLink to="/alerts">
                      {unread ? t('nav.alertsUnread', { count: unread }) : t('nav.alerts')}
                    </NavLink>
                  </li>
                ) : null}
              </>
            ) : null}
            {user.role === 'admin' ? (
              <li>
                <NavLink to="/users">{t('nav.users')}</NavLink>
              </li>
            ) : null}
            {audits ? (
              <li>
                <NavLink to="/integrity">{t('nav.integrity')}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/stats">{t('nav.stats')}</NavLink>
            </li>
            {canDesign ? (
              <li>
                <NavLink to="/designer">{t('nav.designer')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <BannerTools />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
