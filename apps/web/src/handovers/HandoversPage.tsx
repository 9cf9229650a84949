import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ErrorSchema } from '@rjsf/utils';
import type { FormDefinition } from '@ruta/protocol';
import { api } from '../api/api.js';
import { ApiError } from '../api/ApiError.js';
import { getProtocol } from '../api/protocolCache.js';
import { protocolSummaries } from '../api/protocolSummaries.js';
import type { Handover, ResolvedProtocol } from '../api/types.js';
import { useUser } from '../auth/AuthContext.js';
import { describeRejection } from '../case/describeRejection.js';
import { RESERVED } from '../case/formatValue.js';
import { rejectionsToErrorSchema } from '../forms/rejectionsToErrorSchema.js';
import type { StepFormData } from '../forms/StepForm.js';
import { useLang } from '../i18n/useLang.js';
import { usePageTitle } from '../layout/usePageTitle.js';
import { describeError, ErrorMessage } from '../ui/ErrorMessage.js';
import { useAsync } from '../ui/useAsync.js';
import { HandoverCard } from './HandoverCard.js';
import { ReceiveForm } from './ReceiveForm.js';
import { receivingProtocol } from './receivingProtocol.js';

interface Receiving {
  handoverId: string;
  form: FormDefinition;
  initial: StepFormData;
  errors: ErrorSchema;
}

/** The focal point's inbox: handovers to or from their country, pending ones first. */
export default function HandoversPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const user = useUser();
  const navigate = useNavigate();
  const headingRef = usePageTitle(t('handovers.title'));
  const [status, setStatus] = useState<'pending' | ''>('pending');
  const list = useAsync(() => api.handovers(status || undefined), [status]);
  const [protocols, setProtocols] = useState<Record<string, ResolvedProtocol>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [receiving, setReceiving] = useState<Receiving | null>(null);

  useEffect(() => {
    for (const h of list.data ?? []) {
      const p = h.packet.protocol;
      const key = `${p.id}@${p.version}`;
      if (protocols[key]) continue;
      getProtocol(p.id, p.version).then(
        (r) => setProtocols((all) => ({ ...all, [key]: r })),
        () => undefined,
      );
    }
  }, [list.data, protocols]);

  const protocolOf = (h: Handover) =>
    protocols[`${h.packet.protocol.id}@${h.packet.protocol.version}`] ?? null;
  const canDecide = (h: Handover) =>
    (user.role === 'focalpoint' || user.role === 'admin') && h.toCountry === user.country;

  /** The receiving form, filled in from the packet, with the server's reasons on its fields. */
  const openReceiveForm = async (h: Handover, err: ApiError, previous: StepFormData) => {
    const formId = err.rejections.find((r) => r.code === 'form-invalid')?.form;
    const all = await protocolSummaries();
    const ref = receivingProtocol(h.packet.protocol, h.toCountry, all) ?? h.packet.protocol;
    const form = formId ? (await getProtocol(ref.id, ref.version)).forms[formId] : undefined;
    if (!form) {
      setMessage(err.rejections.map((r) => describeRejection(r, t, lang)).join(' ') || describeError(err, t));
      return;
    }
    const fields = Object.keys(form.schema.properties ?? {});
    const fromPacket: StepFormData = {};
    for (const values of Object.values(h.packet.data)) {
      // A reserved value is not the value: the server fills it in from the packet it keeps.
      for (const [k, v] of Object.entries(values))
        if (fields.includes(k) && v !== RESERVED) fromPacket[k] = v;
    }
    for (const [k, v] of [
      ['sendingCountry', h.fromCountry],
      ['sendingCaseReference', h.caseId],
    ] as const) {
      if (fields.includes(k)) fromPacket[k] = v;
    }
    const { errorSchema } = rejectionsToErrorSchema(err.rejections, form.id, t);
    setReceiving({ handoverId: h.id, form, initial: { ...fromPacket, ...previous }, errors: errorSchema });
  };

  const accept = async (h: Handover, data?: StepFormData) => {
    setBusy(h.id);
    setMessage(null);
    try {
      const { linkedCase } = await api.acceptHandover(h.id, data);
      navigate(`/cases/${encodeURIComponent(linkedCase.case.id)}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) await openReceiveForm(h, err, data ?? {});
      else setMessage(describeError(err, t));
      // decided meanwhile by someone else: show the handover as it is now
      if (err instanceof ApiError && err.status === 409) list.reload();
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
      if (err instanceof ApiError && err.status === 409) list.reload();
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
          >
            {receiving?.handoverId === h.id ? (
              <ReceiveForm
                form={receiving.form}
                initial={receiving.initial}
                serverErrors={receiving.errors}
                busy={busy === h.id}
                idPrefix={`receive_${h.id.replace(/\W/g, '_')}`}
                onCancel={() => setReceiving(null)}
                onSubmit={(data) => void accept(h, data)}
              />
            ) : null}
          </HandoverCard>
        ))}
      </div>
    </div>
  );
}
