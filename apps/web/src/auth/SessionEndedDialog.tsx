import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.js';
import { QuickExitButton } from '../quickexit/QuickExitButton.js';
import { useAuth } from './AuthContext.js';
import { loginFailureKey } from './loginFailure.js';

/**
 * The session ended while the page held unsaved work: log in again, as the same user, without
 * leaving the page, so what was typed is still there to send. A modal <dialog> whose backdrop
 * hides the page meanwhile (the computer may be left unattended); Escape does not close it.
 */
export function SessionEndedDialog({ user }: { user: User }) {
  const { t } = useTranslation();
  const { login, logout } = useAuth();
  const ref = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!password) {
      setError(t('session.passwordMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(user.username, password);
      // Closed before it goes, so focus returns to where the worker was (the action pressed).
      ref.current?.close();
    } catch (err) {
      setError(t(loginFailureKey(err)));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog session-dialog"
      aria-labelledby="session-ended-title"
      aria-describedby="session-ended-body"
      onCancel={(e) => e.preventDefault()}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="session-ended-title">{t('session.title')}</h2>
        <p id="session-ended-body">{t('session.body')}</p>
        <p>
          {t('session.as')} <strong>{user.username}</strong>
        </p>
        <div className="field">
          <label htmlFor="session-password">{t('login.password')}</label>
          <input
            id="session-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'session-error' : undefined}
          />
          {error ? (
            <span id="session-error" className="field-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
        <div className="dialog-buttons">
          <button type="button" className="btn" onClick={() => void logout()}>
            {t('session.leave')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('login.busy') : t('session.submit')}
          </button>
        </div>
        <p className="session-exit">
          <QuickExitButton shortcut={false} />
        </p>
      </form>
    </dialog>
  );
}
