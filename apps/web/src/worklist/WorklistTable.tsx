import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '../api/types.js';
import { WorklistRow } from './WorklistRow.js';

/**
 * The worklist as a table, in the order the server gives: overdue first, then nearest due.
 * `empty` says why no case is listed (default: none matches the filters).
 */
export function WorklistTable({
  rows,
  myId = null,
  empty,
}: {
  rows: WorklistItem[];
  myId?: string | null;
  empty?: string;
}) {
  const { t } = useTranslation();
  if (rows.length === 0)
    return (
      <p className="empty" role="status">
        {empty ?? t('worklist.empty')}
      </p>
    );
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <>
      <p className="worklist-summary" role="status">
        {t('worklist.summary', { count: rows.length })}
        {overdue > 0 ? (
          <strong className="text-overdue"> {t('worklist.overdueCount', { count: overdue })}</strong>
        ) : null}
      </p>
      <div className="table-scroll">
        <table className="worklist">
          <caption className="visually-hidden">{t('worklist.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('worklist.col.protocol')}</th>
              <th scope="col">{t('worklist.col.step')}</th>
              <th scope="col">{t('worklist.col.due')}</th>
              <th scope="col">{t('worklist.col.assignee')}</th>
              <th scope="col">{t('worklist.col.country')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <WorklistRow key={row.id} row={row} myId={myId} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
