import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../layout/LanguageSwitch.js';
import { QuickExitButton } from '../quickexit/QuickExitButton.js';
import { usePageTitle } from '../layout/usePageTitle.js';
import { useAuth } from './AuthContext.js';
import { loginFailureKey } from './loginFailure.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = usePageTitle(t('login.title'));

  if (state.status === 'authenticated') return <Navigate to={from} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(from, { replace: true });
    } catch (err) {
      setError(t(loginFailureKey(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <header className="login-header">
        <span className="brand">Ruta</span>
        <div className="login-tools">
          <LanguageSwitch />
          {/* A victim may be beside the worker while they log in: the exit is here too. */}
          <QuickExitButton />
        </div>
      </header>
      <main id="main" className="login-main">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('login.title')}
        </h1>
        <p className="lede">{t('login.lede')}</p>
        <form
          onSubmit={onSubmit}
          noValidate
          className="login-form"
          aria-describedby={error ? 'login-error' : undefined}
        >
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <div id="login-error" role="alert" className={error ? 'form-error' : 'visually-hidden'}>
            {error}
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
