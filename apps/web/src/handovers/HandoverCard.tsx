import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handover, ResolvedProtocol } from '../api/types.js';
import { getState, type Text } from '@ruta/protocol';
import { fieldAt } from '../forms/fieldAt.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { useLang } from '../i18n/useLang.js';
import { stateValueToPaths } from '../case/statePaths.js';
import { formatValue, RESERVED } from '../case/formatValue.js';

/** The text that says what is wrong with a withheld packet, by problem. */
const DAMAGE_KEY: Record<NonNullable<Handover['packetProblem']>, string> = {
  unreadable: 'unreadable',
  altered: 'altered',
  'differs-from-history': 'differsFromHistory',
  'not-in-history': 'notInHistory',
};

export interface HandoverCardProps {
  handover: Handover;
  /** The protocol of the packet, for labels; null while it loads or when unknown. */
  protocol: ResolvedProtocol | null;
  /** Whether this user may accept or decline (focal point of the receiving country). */
  canDecide: boolean;
  busy: boolean;
  /** Id of the accept button, for focus to return to it when the receiving form is cancelled. */
  acceptButtonId?: string;
  onAccept: () => void;
  onDecline: (reason: string) => void;
  /** The receiving form, once accepting opened it; it stands in for the accept and decline buttons. */
  children?: ReactNode;
}

/**
 * One handover: who sends it where, what the packet carries, and accept / decline. A packet
 * altered in the database after it was sent is not shown (the server withholds it): the card says
 * so, and offers decline only.
 */
export function HandoverCard({
  handover: h,
  protocol,
  canDecide,
  busy,
  acceptButtonId,
  onAccept,
  onDecline,
  children,
}: HandoverCardProps) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const id = useId();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const packet = h.packet;
  const stateTitles =
    packet && protocol
      ? leaves(stateValueToPaths(packet.state))
          .map((p) => pick(getState(protocol.machine, p)?.meta.title) || p)
          .join(' · ')
      : '';
  const protocolTitle = !packet
    ? ''
    : protocol
      ? pick(protocol.title)
      : `${packet.protocol.id} v${packet.protocol.version}`;

  return (
    <article className="card handover-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {t('handover.item', { from: t(`countries.${h.fromCountry}`), to: t(`countries.${h.toCountry}`) })}
      </h2>
      <dl className="kv">
        {protocolTitle ? (
          <div>
            <dt>{t('handovers.protocol')}</dt>
            <dd>{protocolTitle}</dd>
          </div>
        ) : null}
        {stateTitles ? (
          <div>
            <dt>{t('handovers.stage')}</dt>
            <dd>{stateTitles}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('handovers.sentAt')}</dt>
          <dd>{formatDateTime(h.createdAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('handovers.caseRef')}</dt>
          <dd>{h.caseId}</dd>
        </div>
        {h.note ? (
          <div>
            <dt>{t('handover.note')}</dt>
            <dd>{h.note}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('handovers.status')}</dt>
          <dd>
            <span className={`badge badge-${h.status}`}>{t(`handover.status.${h.status}`)}</span>
          </dd>
        </div>
      </dl>
      {h.declineReason ? (
        <p>
          <strong>{t('handovers.declineReason')}:</strong> {h.declineReason}
        </p>
      ) : null}
      {packet ? (
        <PacketData data={packet.data} protocol={protocol} />
      ) : (
        <div className="alert alert-error packet-damaged" role="note">
          <p className="alert-title">{t('handovers.damaged.title')}</p>
          <p>{t(`handovers.damaged.${DAMAGE_KEY[h.packetProblem ?? 'unreadable']}`)}</p>
          {h.status === 'pending' ? <p>{t('handovers.damaged.whatNext')}</p> : null}
        </div>
      )}
      {canDecide && h.status === 'pending' && !children ? (
        <div className="handover-decide">
          {!declining ? (
            <div className="button-row">
              {packet ? (
                <button
                  type="button"
                  id={acceptButtonId}
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={onAccept}
                >
                  {t('handovers.accept')}
                </button>
              ) : null}
              <button type="button" className="btn" disabled={busy} onClick={() => setDeclining(true)}>
                {t('handovers.decline')}
              </button>
            </div>
          ) : (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (!reason.trim()) return setProblem(t('handovers.reasonRequired'));
                setProblem(null);
                onDecline(reason.trim());
              }}
            >
              <div className="field">
                <label htmlFor={`${id}-reason`}>{t('handovers.declineReason')}</label>
                <textarea
                  id={`${id}-reason`}
                  rows={2}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${id}-problem` : undefined}
                  autoFocus
                />
                {problem ? (
                  <span id={`${id}-problem`} className="field-error" role="alert">
                    {problem}
                  </span>
                ) : null}
              </div>
              <div className="button-row">
                <button type="button" className="btn" onClick={() => setDeclining(false)}>
                  {t('common.cancel')}
                </button>
                <button type="submit" className="btn btn-danger" disabled={busy}>
                  {t('handovers.confirmDecline')}
                </button>
              </div>
            </form>
          )}
        </div>
      ) : null}
      {children}
    </article>
  );
}

function PacketData({
  data,
  protocol: p,
}: {
  data: Record<string, unknown>;
  protocol: ResolvedProtocol | null;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const forms = Object.entries(data ?? {});
  if (forms.length === 0) return <p className="muted">{t('handovers.noData')}</p>;
  return (
    <div className="packet">
      <h3>{t('handovers.shared')}</h3>
      {forms.map(([formId, values]) => {
        const form = p?.forms[formId];
        return (
          <div key={formId}>
            <h4 className="kv-head">{form ? pick(form.title) : formId}</h4>
            <dl className="kv">
              {Object.entries((values ?? {}) as Record<string, unknown>).map(([k, v]) => {
                const field = fieldAt(form?.schema, [k]);
                return (
                  <div key={k}>
                    <dt>{pick(field?.['x-label'] as Text | undefined) || k}</dt>
                    <dd>
                      {v === RESERVED ? (
                        // Sensitive: it reaches the received case, where it is shown on request.
                        <span className="sensitive-mask" title={t('handovers.reservedHint')}>
                          {t('reveal.reserved')}
                        </span>
                      ) : (
                        formatValue(v, field, lang, t)
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </div>
        );
      })}
    </div>
  );
}

function leaves(paths: string[]): string[] {
  return paths.filter((p) => !paths.some((q) => q.startsWith(`${p}.`)));
}
