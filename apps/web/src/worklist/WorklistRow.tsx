import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '../api/types.js';
import { useLang } from '../i18n/useLang.js';
import { DueLabel } from '../ui/DueLabel.js';
import { rowAssignee, rowProtocolTitle } from './describeRow.js';

/** One case in the worklist: protocol, current step, time left or overdue, assignee. */
export function WorklistRow({ row }: { row: WorklistItem }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const title = rowProtocolTitle(row);
  const steps = row.state.titles.map((s) => pick(s)).filter(Boolean);
  const assignee = rowAssignee(row);
  return (
    <tr className={row.overdue ? 'row-overdue' : undefined}>
      <th scope="row">
        <Link to={`/cases/${encodeURIComponent(row.id)}`} className="row-link">
          {typeof title === 'string' ? title : pick(title)}
        </Link>
        <span className="row-id">{row.id}</span>
      </th>
      <td>{steps.length > 0 ? steps.join(' · ') : t('worklist.closed')}</td>
      <td>{row.status === 'closed' ? t('worklist.closed') : <DueLabel dueAt={row.nextDue} />}</td>
      <td>{assignee ?? <span className="muted">{t('worklist.unassigned')}</span>}</td>
      <td>{row.country}</td>
    </tr>
  );
}
