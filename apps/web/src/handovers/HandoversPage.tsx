import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ErrorSchema } from '@rjsf/utils';
import { getState, listTransitions, type FormDefinition } from '@ruta/protocol';
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
import { ShowMore } from '../ui/ShowMore.js';
import { usePages } from '../ui/usePages.js';
import { HandoverCard } from './HandoverCard.js';
import { ReceiveForm } from './ReceiveForm.js';
import { receivingProtocol } from './receivingProtocol.js';

interface Receiving {
  handoverId: string;
  form: FormDefinition;
  initial: StepFormData;
  errors: ErrorSchema;
}

/** The event that opens a received case; the form it records is the receiving form. */
const RECEIVE_EVENT = 'RECEIVE_HANDOVER';

/** The form RECEIVE_HANDOVER records in a protocol, if any (as the server finds it). */
function receiptFormOf(protocol: ResolvedProtocol): FormDefinition | undefined {
  for (const { source, event, transition } of listTransitions(protocol.machine)) {
    if (event !== RECEIVE_EVENT) continue;
    for (const a of transition.actions ?? []) {
      if (a.type !== 'recordForm') continue;
      const id = a.params?.form ?? (source ? getState(protocol.machine, source)?.meta.form : undefined);
      if (id) return protocol.forms[id];
    }
  }
  return undefined;
}

/**
 * What the receiving form starts with: the packet's values of its fields and who sent it. A
 * value shown as reserved is not the value: the server fills it in from the packet it keeps.
 */
function prefill(form: FormDefinition, h: Handover): StepFormData {
  const fields = Object.keys(form.schema.properties ?? {});
  const fromPacket: StepFormData = {};
  for (const values of Object.values(h.packet?.data ?? {})) {
    for (const [k, v] of Object.entries(values)) if (fields.includes(k) && v !== RESERVED) fromPacket[k] = v;
  }
  for (const [k, v] of [
    ['sendingCountry', h.fromCountry],
    ['sendingCaseReference', h.caseId],
  ] as const) {
    if (fields.includes(k)) fromPacket[k] = v;
  }
  return fromPacket;
}

/** The focal point's inbox: handovers to or from their country, pending ones first. */
export default function HandoversPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const user = useUser();
  const navigate = useNavigate();
  const headingRef = usePageTitle(t('handovers.title'));
  const [status, setStatus] = useState<'pending' | ''>('pending');
  const pages = usePages((after) => api.handovers(status || undefined, after), [status]);
  const { first: list, rows } = pages;
  const [protocols, setProtocols] = useState<Record<string, ResolvedProtocol>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [receiving, setReceiving] = useState<Receiving | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const [told, setTold] = useState(0);
  /** Says `text` where the user is: focus moves to the message (the button they pressed is gone or disabled). */
  const tell = (text: string) => {
    setMessage(text);
    setTold((n) => n + 1);
  };
  useEffect(() => {
    if (told > 0) messageRef.current?.focus();
  }, [told]);

  useEffect(() => {
    for (const h of rows ?? []) {
      // A damaged packet is withheld: no protocol to show it with.
      if (!h.packet) continue;
      const p = h.packet.protocol;
      const key = `${p.id}@${p.version}`;
      if (protocols[key]) continue;
      getProtocol(p.id, p.version).then(
        (r) => setProtocols((all) => ({ ...all, [key]: r })),
        () => undefined,
      );
    }
  }, [rows, protocols]);

  const protocolOf = (h: Handover) =>
    h.packet ? (protocols[`${h.packet.protocol.id}@${h.packet.protocol.version}`] ?? null) : null;
  const canDecide = (h: Handover) =>
    (user.role === 'focalpoint' || user.role === 'admin') && h.toCountry === user.country;

  /**
   * "Accept": the receiving country's intake form, filled in from the packet, for the focal point
   * to complete before anything is sent; a protocol that receives without a form accepts at once.
   */
  const startAccept = async (h: Handover) => {
    // A damaged packet offers no accept button; the server would refuse it (packet-altered).
    if (!h.packet) return;
    const sent = h.packet.protocol;
    setBusy(h.id);
    setMessage(null);
    let form: FormDefinition | undefined;
    try {
      // Decided meanwhile (by a colleague, in another tab)? Then say so, rather than ask for a form.
      const now = await api.handover(h.id);
      if (now.status !== 'pending') {
        setBusy(null);
        tell(
          t(now.status === 'declined' ? 'serverErrors.handover-declined' : 'serverErrors.handover-decided'),
        );
        list.reload();
        return;
      }
      const all = await protocolSummaries();
      const ref = receivingProtocol(sent, h.toCountry, all) ?? sent;
      form = receiptFormOf(await getProtocol(ref.id, ref.version));
    } catch (err) {
      setBusy(null);
      tell(describeError(err, t));
      return;
    }
    if (!form) return accept(h);
    setReceiving({ handoverId: h.id, form, initial: prefill(form, h), errors: {} });
    setBusy(null);
  };

  const accept = async (h: Handover, data?: StepFormData) => {
    setBusy(h.id);
    setMessage(null);
    try {
      const { linkedCase } = await api.acceptHandover(h.id, data);
      navigate(`/cases/${encodeURIComponent(linkedCase.case.id)}`);
    } catch (err) {
      const form = receiving?.handoverId === h.id ? receiving.form : undefined;
      if (err instanceof ApiError && err.status === 422 && form) {
        // The server's reasons under the fields they are about; the rest said above the list.
        const { errorSchema, unplaced, placed } = rejectionsToErrorSchema(err.rejections, form.id, t);
        const rest = err.rejections.filter((r) => r.code !== 'form-invalid' || unplaced.includes(r));
        setReceiving({ handoverId: h.id, form, initial: data ?? {}, errors: errorSchema });
        if (rest.length > 0 || placed === 0)
          tell(rest.map((r) => describeRejection(r, t, lang)).join(' ') || describeError(err, t));
      } else if (err instanceof ApiError && err.status === 422) {
        tell(err.rejections.map((r) => describeRejection(r, t, lang)).join(' ') || describeError(err, t));
      } else {
        // decided meanwhile by someone else: show the handover as it is now
        if (err instanceof ApiError && err.status === 409) {
          setReceiving(null);
          list.reload();
        }
        tell(describeError(err, t));
      }
      setBusy(null);
    }
  };
  const cancelReceiving = (h: Handover) => {
    setReceiving(null);
    requestAnimationFrame(() => document.getElementById(acceptButtonId(h))?.focus());
  };
  const decline = async (h: Handover, reason: string) => {
    setBusy(h.id);
    setMessage(null);
    try {
      await api.declineHandover(h.id, reason);
      tell(t('handovers.declined'));
      list.reload();
    } catch (err) {
      tell(describeError(err, t));
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
      <p
        role="status"
        className={message ? 'alert alert-info' : 'visually-hidden'}
        ref={messageRef}
        tabIndex={-1}
      >
        {message}
      </p>
      {list.status === 'error' ? <ErrorMessage error={list.error} /> : null}
      {rows && rows.length === 0 ? <p className="empty">{t('handovers.empty')}</p> : null}
      <div className="handover-grid">
        {(rows ?? []).map((h) => (
          <HandoverCard
            key={h.id}
            handover={h}
            protocol={protocolOf(h)}
            canDecide={canDecide(h)}
            busy={busy === h.id}
            acceptButtonId={acceptButtonId(h)}
            onAccept={() => void startAccept(h)}
            onDecline={(reason) => void decline(h, reason)}
          >
            {receiving?.handoverId === h.id ? (
              <ReceiveForm
                form={receiving.form}
                initial={receiving.initial}
                serverErrors={receiving.errors}
                busy={busy === h.id}
                idPrefix={`receive_${h.id.replace(/\W/g, '_')}`}
                onCancel={() => cancelReceiving(h)}
                onSubmit={(data) => void accept(h, data)}
              />
            ) : null}
          </HandoverCard>
        ))}
      </div>
      <ShowMore pages={pages} label={t('handovers.more')} className="handovers-more" />
    </div>
  );
}

function acceptButtonId(h: Handover): string {
  return `accept_${h.id.replace(/\W/g, '_')}`;
}
