import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.js';
import { getProtocol } from '../api/protocolCache.js';
import type { Handover, ResolvedProtocol } from '../api/types.js';
import { useUser } from '../auth/AuthContext.js';
import { usePageTitle } from '../layout/usePageTitle.js';
import { describeError, ErrorMessage } from '../ui/ErrorMessage.js';
import { useAsync } from '../ui/useAsync.js';
import { HandoverCard } from './HandoverCard.js';

/** The focal point's inbox: handovers to or from their country, pending ones first. */
export function HandoversPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const headingRef = usePageTitle(t('handovers.title'));
  const [status, setStatus] = useState<'pending' | ''>('pending');
  const list = useAsync(() => api.handovers(status || undefined), [status]);
  const [protocols, setProtocols] = useState<Record<string, ResolvedProtocol>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    for (const h of list.data ?? []) {
      const p = h.packet?.protocol;
      if (!p || typeof p === 'string') continue;
      const key = `${p.id}@${p.version}`;
      if (protocols[key]) continue;
      getProtocol(p.id, p.version).then(
        (r) => setProtocols((all) => ({ ...all, [key]: r })),
        () => undefined,
      );
    }
  }, [list.data, protocols]);

  const protocolOf = (h: Handover) => {
    const p = h.packet?.protocol;
    return p && typeof p !== 'string' ? (protocols[`${p.id}@${p.version}`] ?? null) : null;
  };
  const canDecide = (h: Handover) =>
    (user.role === 'focalpoint' || user.role === 'admin') && h.toCountry === user.country;

  const accept = async (h: Handover) => {
    setBusy(h.id);
    setMessage(null);
    try {
      const { linkedCase } = await api.acceptHandover(h.id);
      navigate(`/cases/${encodeURIComponent(linkedCase.case.id)}`);
    } catch (err) {
      setMessage(describeError(err, t));
      setBusy(null);
    }
  };
  const decline = async (h: Handover, reason: string) => {
    setBusy(h.id);
    setMessage(null);
    try {
      await api.declineHandover(h.id, reason);
      setMessage(t('handovers.declined'));
      list.reload();
    } catch (err) {
      setMessage(describeError(err, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('handovers.title')}
      </h1>
      <div className="field inline">
        <label htmlFor="h-status">{t('handovers.show')}</label>
        <select id="h-status" value={status} onChange={(e) => setStatus(e.target.value as 'pending' | '')}>
          <option value="pending">{t('handovers.onlyPending')}</option>
          <option value="">{t('handovers.all')}</option>
        </select>
      </div>
      <p role="status" className={message ? 'alert alert-info' : 'visually-hidden'}>
        {message}
      </p>
      {list.status === 'error' ? <ErrorMessage error={list.error} /> : null}
      {list.data && list.data.length === 0 ? <p className="empty">{t('handovers.empty')}</p> : null}
      <div className="handover-grid">
        {(list.data ?? []).map((h) => (
          <HandoverCard
            key={h.id}
            handover={h}
            protocol={protocolOf(h)}
            canDecide={canDecide(h)}
            busy={busy === h.id}
            onAccept={() => void accept(h)}
            onDecline={(reason) => void decline(h, reason)}
          />
        ))}
      </div>
    </div>
  );
}
