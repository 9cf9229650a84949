import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.js';
import { usePageTitle } from '../layout/usePageTitle.js';
import { describeUserError, MIN_PASSWORD_CHARS, passwordProblem } from '../users/userRules.js';
import { useAuth, useUser } from './AuthContext.js';

type Field = 'current' | 'next' | 'repeat';

/**
 * The user chooses their own password, giving the current one. `required`: the password was
 * set by an administrator, and nothing else is open until this is done.
 */
export function ChangePasswordPage({ required = false }: { required?: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  const { signedInAs } = useAuth();
  const headingRef = usePageTitle(t(required ? 'password.requiredTitle' : 'password.title'));
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error || done) messageRef.current?.focus();
  }, [error, done]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!current) found.current = t('password.currentMissing');
    const p = passwordProblem(next, user.username, t);
    if (p) found.next = p;
    else if (next === current) found.next = t('serverErrors.password-unchanged');
    if (!found.next && repeat !== next) found.repeat = t('password.mismatch');
    setProblems(found);
    setError(null);
    setDone(false);
    const first = (['current', 'next', 'repeat'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`password-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const r = await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      signedInAs(r.user);
    } catch (err) {
      setError(describeUserError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const field = (id: Field, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <div className="field">
      <label htmlFor={`password-${id}`}>{label}</label>
      <input
        id={`password-${id}`}
        type="password"
        autoComplete={id === 'current' ? 'current-password' : 'new-password'}
        value={value}
        onChange={(e) => set(e.target.value)}
        {...(problems[id]
          ? { 'aria-invalid': true as const, 'aria-describedby': `password-${id}-error` }
          : {})}
      />
      {hint ? <span className="hint">{hint}</span> : null}
      {problems[id] ? (
        <span id={`password-${id}-error`} className="field-error">
          {problems[id]}
        </span>
      ) : null}
    </div>
  );

  return (
    <section className="password-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t(required ? 'password.requiredTitle' : 'password.title')}
      </h1>
      {required ? <p className="lede">{t('password.requiredLede')}</p> : null}
      {done ? (
        <p className="alert alert-ok" role="status" ref={messageRef} tabIndex={-1}>
          {t('password.done')}
        </p>
      ) : null}
      <form className="card" onSubmit={onSubmit} noValidate aria-label={t('password.title')}>
        {field('current', t('password.current'), current, setCurrent)}
        {field('next', t('password.next'), next, setNext, t('password.hint', { n: MIN_PASSWORD_CHARS }))}
        {field('repeat', t('password.repeat'), repeat, setRepeat)}
        {error ? (
          <p className="alert alert-error" role="alert" ref={messageRef} tabIndex={-1}>
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('password.submit')}
        </button>
      </form>
    </section>
  );
}
