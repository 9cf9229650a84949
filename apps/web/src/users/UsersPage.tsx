import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.js';
import type { AdminUser, User } from '../api/types.js';
import { useAuth, useUser } from '../auth/AuthContext.js';
import { usePageTitle } from '../layout/usePageTitle.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useAsync } from '../ui/useAsync.js';
import { AccountLog } from './AccountLog.js';
import { NewUserForm } from './NewUserForm.js';
import { UserRow } from './UserRow.js';

/**
 * The administrator's page: the accounts of their country (every country's for a regional
 * administrator), a form to create one, and per account its full name, role, whether it may log
 * in and a new password.
 */
export default function UsersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const { signedInAs } = useAuth();
  const headingRef = usePageTitle(t('users.title'));
  const list = useAsync(() => api.users(), []);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const [createdCount, setCreatedCount] = useState(0);
  const [changes, setChanges] = useState(0);
  const changed = (text: string) => {
    setNotice(text);
    list.reload();
    setChanges((n) => n + 1);
  };
  // Changed meanwhile by someone else: the list and the log show what they did.
  const stale = () => {
    list.reload();
    setChanges((n) => n + 1);
  };
  const created = (u: AdminUser) => {
    changed(t('users.created', { username: u.username }));
    setCreatedCount((n) => n + 1);
  };
  const ownName = list.data?.find((u) => u.id === me.id)?.name;
  useEffect(() => {
    // Their own name corrected (here or by another administrator): the banner says it as it is now.
    if (ownName !== undefined && ownName !== me.name) signedInAs({ ...me, name: ownName });
  }, [ownName, me, signedInAs]);
  useEffect(() => {
    // The form emptied itself and its button was disabled while sending: focus goes to what
    // happened, and on from there to the list that now holds the account.
    if (createdCount > 0) noticeRef.current?.focus();
  }, [createdCount]);
  return (
    <section className="users-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('users.title')}
      </h1>
      <p className="lede">
        {me.country === 'REGIONAL'
          ? t('users.ledeRegional')
          : t('users.lede', { country: t(`countries.${me.country}`) })}
      </p>
      {notice ? (
        <p className="alert alert-ok" role="status" ref={noticeRef} tabIndex={-1}>
          {notice}
        </p>
      ) : null}
      {/* "Cuenta X creada" above the form would read as the outcome of the next attempt too. */}
      <NewUserForm me={me} onCreated={created} onSubmit={() => setNotice(null)} />
      <h2 id="users-list-title">{t('users.listTitle')}</h2>
      {list.status === 'error' ? <ErrorMessage error={list.error} /> : null}
      {list.data ? (
        <UsersTable users={list.data} me={me} onChanged={changed} onStale={stale} />
      ) : list.status === 'loading' ? (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      <AccountLog version={changes} regional={me.country === 'REGIONAL'} />
    </section>
  );
}

function UsersTable({
  users,
  me,
  onChanged,
  onStale,
}: {
  users: AdminUser[];
  me: User;
  onChanged: (notice: string) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  if (users.length === 0) return <p className="empty">{t('users.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="worklist users-table" aria-labelledby="users-list-title">
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.country')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.password')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.id} user={u} self={u.id === me.id} onChanged={onChanged} onStale={onStale} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
