import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useProtocolSummaries } from '../api/protocolSummaries.js';
import type { LinkedCase } from '../api/types.js';
import { useLang } from '../i18n/useLang.js';

/** Cases opened from this one (referrals, handovers) or that led to it. */
export function LinkedCases({ linked }: { linked: LinkedCase[] }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const protocols = useProtocolSummaries();
  if (linked.length === 0) return <p className="empty">{t('linked.none')}</p>;
  return (
    <ul className="linked">
      {linked.map((l) => {
        const summary = protocols.find((p) => p.id === l.protocol.id && p.version === l.protocol.version);
        // The protocol's id is no name for a case worker: until the titles come, a plain link.
        const protocol = summary ? pick(summary.title) : t('linked.open');
        return (
          <li key={l.caseId}>
            <Link to={`/cases/${encodeURIComponent(l.caseId)}`}>{protocol}</Link>{' '}
            <span className="muted">
              {t(`linked.relation.${l.relation}`, { defaultValue: l.relation })} ·{' '}
              {t(`countries.${l.country}`)} · {l.caseId}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
