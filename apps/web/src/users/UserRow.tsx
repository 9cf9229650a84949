import { ApiError } from '../api/ApiError.js';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '@ruta/protocol';
import { api } from '../api/api.js';
import type { AdminUser } from '../api/types.js';
import { InlineField } from './InlineField.js';
import { describeUserError, nameProblem, passwordProblem, rolesFor } from './userRules.js';
import { RoleOptions } from '../ui/Options.js';

/**
 * One account: its full name (corrected in a small form opened from the row), its role (changed
 * with a button, since it ends the account's sessions), whether it may log in (disabling it is
 * asked again first: it ends the person's sessions at once), and a new password. On an
 * administrator's own row only the name can be corrected, and the password links to their own
 * password page. After each action the keyboard stays in the row, on the control that now
 * stands where the one used was.
 */
export function UserRow({
  user,
  self,
  onChanged,
  onStale,
}: {
  user: AdminUser;
  self: boolean;
  onChanged: (notice: string) => void;
  /** The account was changed meanwhile by someone else: the list is to be read again. */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  // The role picked but not saved yet; null: the select shows the account's role as it is now.
  const [pendingRole, setPendingRole] = useState<Role | null>(null);
  const role = pendingRole ?? user.role;
  const [newPassword, setNewPassword] = useState<string | null>(null);
  // The name being typed in the row's name form; null: the form is closed.
  const [newName, setNewName] = useState<string | null>(null);
  const [confirmingDisable, setConfirmingDisable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusNext, setFocusNext] = useState<RefObject<HTMLElement | null> | null>(null);
  const roleRef = useRef<HTMLSelectElement>(null);
  const saveRoleRef = useRef<HTMLButtonElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const cancelDisableRef = useRef<HTMLButtonElement>(null);
  const passwordButtonRef = useRef<HTMLButtonElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const nameButtonRef = useRef<HTMLButtonElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = `user-${user.id}`;
  useEffect(() => {
    // Focus moves once the control it goes to is on the page (a button disabled while sending
    // lost it; an opened or closed editor replaced the button that was used).
    if (focusNext) {
      focusNext.current?.focus();
      setFocusNext(null);
    }
  }, [focusNext]);

  const run = async (write: () => Promise<unknown>, notice: string) => {
    setBusy(true);
    setError(null);
    try {
      await write();
      onChanged(notice);
      return true;
    } catch (err) {
      setError(describeUserError(err, t));
      // Changed meanwhile by another administrator: the row says so and shows the account as it is now.
      if (err instanceof ApiError && err.code === 'stale-user') onStale();
      return false;
    } finally {
      setBusy(false);
    }
  };
  const saveRole = async () => {
    const saved = await run(
      () =>
        api.updateUser(user.id, {
          name: user.name,
          role,
          disabled: user.disabled,
          expectedUpdatedAt: user.updatedAt,
        }),
      t('users.roleChanged', { username: user.username, role: t(`roles.${role}`) }),
    );
    if (saved) setPendingRole(null);
    setFocusNext(saved ? roleRef : saveRoleRef);
  };
  const toggle = async () => {
    setConfirmingDisable(false);
    await run(
      () =>
        api.updateUser(user.id, {
          name: user.name,
          role: user.role,
          disabled: !user.disabled,
          expectedUpdatedAt: user.updatedAt,
        }),
      t(user.disabled ? 'users.enabled' : 'users.disabledNotice', { username: user.username }),
    );
    setFocusNext(toggleRef);
  };
  const askDisable = () => {
    setError(null);
    setConfirmingDisable(true);
    // Not on the button that disables: a second press of the same key or a double click does nothing.
    setFocusNext(cancelDisableRef);
  };
  const cancelDisable = () => {
    setConfirmingDisable(false);
    setFocusNext(toggleRef);
  };
  const openName = () => {
    setError(null);
    setNewPassword(null);
    setNewName(user.name);
    setFocusNext(nameRef);
  };
  const closeName = () => {
    setNewName(null);
    setError(null);
    setFocusNext(nameButtonRef);
  };
  const saveName = async (e: FormEvent) => {
    e.preventDefault();
    const name = (newName ?? '').trim();
    const problem = nameProblem(name, t);
    if (problem) {
      setError(problem);
      setFocusNext(nameRef);
      return;
    }
    // Nothing to correct: nothing is sent, so nothing enters the account log.
    if (name === user.name) return closeName();
    const saved = await run(
      () =>
        api.updateUser(user.id, {
          name,
          role: user.role,
          disabled: user.disabled,
          expectedUpdatedAt: user.updatedAt,
        }),
      t('users.nameChanged', { username: user.username, name }),
    );
    if (saved) setNewName(null);
    setFocusNext(saved ? nameButtonRef : nameRef);
  };
  const openPassword = () => {
    setError(null);
    setNewName(null);
    setNewPassword('');
    setFocusNext(passwordRef);
  };
  const closePassword = () => {
    setNewPassword(null);
    setError(null);
    setFocusNext(passwordButtonRef);
  };
  const savePassword = async (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(newPassword ?? '', user.username, t);
    if (problem) {
      setError(problem);
      setFocusNext(passwordRef);
      return;
    }
    if (
      await run(
        () => api.setPassword(user.id, newPassword!),
        t('users.passwordSet', { username: user.username }),
      )
    ) {
      setNewPassword(null);
      setFocusNext(passwordButtonRef);
    } else setFocusNext(passwordRef);
  };

  return (
    <tr className={user.disabled ? 'row-disabled' : undefined}>
      <th scope="row">
        {/* Shown above the form that corrects it too: changed meanwhile, it is the name as it is now. */}
        <span id={`${id}-name`}>{user.name}</span>{' '}
        {newName === null ? (
          <button
            type="button"
            ref={nameButtonRef}
            className="btn btn-small btn-link"
            aria-describedby={`${id}-name`}
            onClick={openName}
          >
            {t('users.editName')}
          </button>
        ) : (
          <InlineField
            id={`${id}-new-name`}
            label={t('users.nameOf', { username: user.username })}
            value={newName}
            onChange={setNewName}
            onSubmit={saveName}
            onCancel={closeName}
            inputRef={nameRef}
            submitLabel={t('users.saveName')}
            busy={busy}
            errorId={error ? `${id}-error` : null}
            input={{ type: 'text', autoComplete: 'off' }}
          />
        )}
        {error ? (
          <p className="field-error" role="alert" id={`${id}-error`}>
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
            <select
              id={`${id}-role`}
              ref={roleRef}
              value={role}
              onChange={(e) => {
                const picked = e.target.value as Role;
                setPendingRole(picked === user.role ? null : picked);
              }}
            >
              <RoleOptions roles={rolesFor(user.country)} />
            </select>
            {role !== user.role ? (
              <button
                type="button"
                ref={saveRoleRef}
                className="btn btn-small"
                disabled={busy}
                onClick={() => void saveRole()}
              >
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
        {self ? null : confirmingDisable && !user.disabled ? (
          <span
            className="confirm-disable"
            role="group"
            aria-labelledby={`${id}-confirm`}
            onKeyDown={(e) => {
              if (e.key === 'Escape') cancelDisable();
            }}
          >
            <span id={`${id}-confirm`} className="confirm-question">
              {t('users.confirmDisable', { name: user.name, username: user.username })}
            </span>{' '}
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={busy}
              onClick={() => void toggle()}
            >
              {t('users.confirmDisableYes')}
            </button>{' '}
            <button type="button" ref={cancelDisableRef} className="btn btn-small" onClick={cancelDisable}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            ref={toggleRef}
            className={`btn btn-small${user.disabled ? '' : ' btn-danger'}`}
            disabled={busy}
            aria-describedby={error ? `${id}-name ${id}-error` : `${id}-name`}
            onClick={user.disabled ? () => void toggle() : askDisable}
          >
            {user.disabled ? t('users.enable') : t('users.disable')}
          </button>
        )}
      </td>
      <td>
        {self ? (
          // Their own is changed giving the current one: a reset here would log them out.
          <Link to="/password" className="btn btn-small">
            {t('users.ownPassword')}
          </Link>
        ) : newPassword === null ? (
          <button
            type="button"
            ref={passwordButtonRef}
            className="btn btn-small"
            aria-describedby={`${id}-name`}
            onClick={openPassword}
          >
            {t('users.newPassword')}
          </button>
        ) : (
          <InlineField
            id={`${id}-password`}
            label={t('users.newPasswordOf', { name: user.name })}
            value={newPassword}
            onChange={setNewPassword}
            onSubmit={savePassword}
            onCancel={closePassword}
            inputRef={passwordRef}
            submitLabel={t('users.savePassword')}
            busy={busy}
            errorId={error ? `${id}-error` : null}
            input={{ type: 'password', autoComplete: 'new-password' }}
          />
        )}
      </td>
    </tr>
  );
}
