import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '../api/types.js';
import { useLang } from '../i18n/useLang.js';
import { DueLabel } from '../ui/DueLabel.js';
import { rowAssignee } from './describeRow.js';

/** One case in the worklist: protocol, current step, time left or overdue, assignee. */
export function WorklistRow({ row, myId = null }: { row: WorklistItem; myId?: string | null }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const steps = row.state.titles.map((s) => pick(s)).filter(Boolean);
  const assignee = rowAssignee(row, myId);
  return (
    <tr className={row.overdue ? 'row-overdue' : undefined}>
      <th scope="row">
        <Link to={`/cases/${encodeURIComponent(row.id)}`} className="row-link">
          {pick(row.title)}
        </Link>
        <span className="row-id">{row.id}</span>
      </th>
      <td>{steps.join(' · ')}</td>
      <td>
        <DueLabel dueAt={row.nextDue} />
      </td>
      <td>
        {assignee === 'me' ? (
          <strong>{t('worklist.you')}</strong>
        ) : assignee ? (
          <span className="user-id">{assignee}</span>
        ) : (
          <span className="muted">{t('worklist.unassigned')}</span>
        )}
      </td>
      <td>{row.country}</td>
    </tr>
  );
}
