import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type Jurisdiction, type Role } from '@ruta/protocol';
import { api } from '../api/api.js';
import type { AdminUser, User } from '../api/types.js';
import { CountryOptions, RoleOptions } from '../ui/Options.js';
import {
  describeUserError,
  MIN_PASSWORD_CHARS,
  nameProblem,
  passwordProblem,
  rolesFor,
  usernameProblem,
} from './userRules.js';

type Field = 'username' | 'name' | 'password';

/**
 * Creates an account: in the administrator's own country, or any country for a regional one.
 * `onSubmit`: a new attempt starts, so that what the page said of the last one can go.
 */
export function NewUserForm({
  me,
  onCreated,
  onSubmit: onAttempt,
}: {
  me: User;
  onCreated: (u: AdminUser) => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const countries: readonly Jurisdiction[] =
    me.country === 'REGIONAL' ? ['REGIONAL', ...COUNTRIES] : [me.country];
  const [country, setCountry] = useState<Jurisdiction>(me.country === 'REGIONAL' ? 'GT' : me.country);
  const [role, setRole] = useState<Role>('caseworker');
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const roles = rolesFor(country);
  useEffect(() => {
    // The server refused: the submit button was disabled while sending, which took focus from it.
    if (error) errorRef.current?.focus();
  }, [error]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    onAttempt();
    const found: Partial<Record<Field, string>> = {};
    const u = usernameProblem(username.trim(), t);
    if (u) found.username = u;
    const n = nameProblem(name.trim(), t);
    if (n) found.name = n;
    const p = passwordProblem(password, username.trim(), t);
    if (p) found.password = p;
    setProblems(found);
    setError(null);
    const first = (['name', 'username', 'password'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`new-user-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await api.createUser({
        username: username.trim(),
        name: name.trim(),
        role,
        country,
        password,
      });
      setUsername('');
      setName('');
      setPassword('');
      onCreated(created);
    } catch (err) {
      setError(describeUserError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const described = (field: Field) =>
    problems[field] ? { 'aria-invalid': true as const, 'aria-describedby': `new-user-${field}-error` } : {};
  const problem = (field: Field) =>
    problems[field] ? (
      <span id={`new-user-${field}-error`} className="field-error">
        {problems[field]}
      </span>
    ) : null;

  return (
    <form className="card new-user" onSubmit={onSubmit} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('users.newTitle')}</h2>
      <div className="field">
        <label htmlFor="new-user-name">{t('users.name')}</label>
        <input
          id="new-user-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          {...described('name')}
        />
        {problem('name')}
      </div>
      <div className="field">
        <label htmlFor="new-user-username">{t('users.username')}</label>
        <input
          id="new-user-username"
          value={username}
          autoComplete="off"
          spellCheck={false}
          // Not trimmed while typing: a space typed between two words would vanish and join them
          // ("ana lopez" into "analopez"); the check names what to use instead.
          onChange={(e) => setUsername(e.target.value.toLowerCase())}
          {...described('username')}
        />
        <span className="hint">{t('users.usernameHint')}</span>
        {problem('username')}
      </div>
      <div className="field">
        <label htmlFor="new-user-country">{t('users.country')}</label>
        <select
          id="new-user-country"
          value={country}
          disabled={countries.length === 1}
          onChange={(e) => {
            const c = e.target.value as Jurisdiction;
            setCountry(c);
            if (!rolesFor(c).includes(role)) setRole(rolesFor(c)[0]!);
          }}
        >
          <CountryOptions countries={countries} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-user-role">{t('users.role')}</label>
        <select id="new-user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <RoleOptions roles={roles} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-user-password">{t('users.initialPassword')}</label>
        <input
          id="new-user-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          {...described('password')}
        />
        <span className="hint">{t('users.passwordHint', { n: MIN_PASSWORD_CHARS })}</span>
        {problem('password')}
      </div>
      {error ? (
        <p className="alert alert-error" role="alert" ref={errorRef} tabIndex={-1}>
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('users.create')}
      </button>
    </form>
  );
}
