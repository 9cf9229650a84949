import { ApiError } from '../api/ApiError.js';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@ruta/protocol';
import { api } from '../api/api.js';
import type { AdminUser } from '../api/types.js';
import { describeUserError, passwordProblem, rolesFor } from './userRules.js';
import { RoleOptions } from '../ui/Options.js';

/**
 * One account: its role (changed with a button, since it ends the account's sessions), whether
 * it may log in, and a new password. An administrator's own row can only get a new password.
 */
export function UserRow({
  user,
  self,
  onChanged,
}: {
  user: AdminUser;
  self: boolean;
  onChanged: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const [newPassword, setNewPassword] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `user-${user.id}`;

  const run = async (write: () => Promise<unknown>, notice: string) => {
    setBusy(true);
    setError(null);
    try {
      await write();
      onChanged(notice);
      return true;
    } catch (err) {
      // Changed meanwhile by another administrator: the list is read again, and the page says why.
      if (err instanceof ApiError && err.code === 'stale-user') onChanged(describeUserError(err, t));
      else setError(describeUserError(err, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const saveRole = () =>
    run(
      () =>
        api.updateUser(user.id, {
          name: user.name,
          role,
          disabled: user.disabled,
          expectedUpdatedAt: user.updatedAt,
        }),
      t('users.roleChanged', { username: user.username, role: t(`roles.${role}`) }),
    );
  const toggle = () =>
    run(
      () =>
        api.updateUser(user.id, {
          name: user.name,
          role: user.role,
          disabled: !user.disabled,
          expectedUpdatedAt: user.updatedAt,
        }),
      t(user.disabled ? 'users.enabled' : 'users.disabledNotice', { username: user.username }),
    );
  const savePassword = async (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(newPassword ?? '', user.username, t);
    if (problem) {
      setError(problem);
      return;
    }
    if (
      await run(
        () => api.setPassword(user.id, newPassword!),
        t('users.passwordSet', { username: user.username }),
      )
    )
      setNewPassword(null);
  };

  return (
    <tr className={user.disabled ? 'row-disabled' : undefined}>
      <th scope="row" id={`${id}-name`}>
        {user.name}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </th>
      <td>{user.username}</td>
      <td>{t(`countries.${user.country}`)}</td>
      <td>
        {self ? (
          t(`roles.${user.role}`)
        ) : (
          <div className="field inline">
            <label className="visually-hidden" htmlFor={`${id}-role`}>
              {t('users.roleOf', { name: user.name })}
            </label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <RoleOptions roles={rolesFor(user.country)} />
            </select>
            {role !== user.role ? (
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => void saveRole()}>
                {t('users.saveRole')}
              </button>
            ) : null}
          </div>
        )}
      </td>
      <td>
        <span className={`badge ${user.disabled ? 'badge-closed' : 'badge-accepted'}`}>
          {user.disabled ? t('users.disabled') : t('users.active')}
        </span>{' '}
        {self ? null : (
          <button
            type="button"
            className={`btn btn-small${user.disabled ? '' : ' btn-danger'}`}
            disabled={busy}
            aria-describedby={`${id}-name`}
            onClick={() => void toggle()}
          >
            {user.disabled ? t('users.enable') : t('users.disable')}
          </button>
        )}
      </td>
      <td>
        {newPassword === null ? (
          <button
            type="button"
            className="btn btn-small"
            aria-describedby={`${id}-name`}
            onClick={() => setNewPassword('')}
          >
            {t('users.newPassword')}
          </button>
        ) : (
          <form className="field inline" onSubmit={savePassword} noValidate>
            <label className="visually-hidden" htmlFor={`${id}-password`}>
              {t('users.newPasswordOf', { name: user.name })}
            </label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
            />
            <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
              {t('users.savePassword')}
            </button>
            <button type="button" className="btn btn-small btn-link" onClick={() => setNewPassword(null)}>
              {t('common.cancel')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
