import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth, useUser } from '../auth/AuthContext.js';
import { QuickExitButton } from '../quickexit/QuickExitButton.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/**
 * The right of the banner: language, who is logged in, their password, logout and quick exit.
 * `passwordLink`: false where the page is already the one to choose a password.
 */
export function BannerTools({ passwordLink = true }: { passwordLink?: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  const { logout } = useAuth();
  return (
    <div className="banner-tools">
      <LanguageSwitch />
      <span className="whoami">
        <span className="whoami-name">{user.name || user.username}</span>{' '}
        <span className="whoami-role">
          {t(`roles.${user.role}`)} · {user.country === 'REGIONAL' ? t('countries.REGIONAL') : user.country}
        </span>
      </span>
      {passwordLink ? (
        <NavLink to="/password" className="password-link">
          {t('password.link')}
        </NavLink>
      ) : null}
      <button type="button" className="btn btn-small" onClick={() => void logout()}>
        {t('nav.logout')}
      </button>
      <QuickExitButton />
    </div>
  );
}
