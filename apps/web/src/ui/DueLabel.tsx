import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/formatDateTime.js';
import { formatDuration } from '../format/formatDuration.js';
import { timeLeft } from '../format/timeLeft.js';
import { useNow } from '../format/useNow.js';
import { useLang } from '../i18n/useLang.js';

/**
 * Time left until a due date, or how long it is overdue, with the exact date on hover and for
 * screen readers. Colour is never the only signal: the words say "overdue".
 */
export function DueLabel({ dueAt }: { dueAt: string | null | undefined }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const now = useNow();
  if (!dueAt) return <span className="due due-none">{t('due.none')}</span>;
  const left = timeLeft(dueAt, now);
  if (!left) return <span className="due due-none">{t('due.none')}</span>;
  const exact = formatDateTime(dueAt, lang);
  const text = left.overdue
    ? t('due.overdueBy', { time: formatDuration(left.ms, lang) })
    : t('due.left', { time: formatDuration(left.ms, lang) });
  return (
    <span className={`due due-${left.urgency}`} title={exact}>
      {left.overdue ? <span aria-hidden="true">⚠ </span> : null}
      {text}
      <span className="visually-hidden"> ({t('due.dueAt', { date: exact })})</span>
    </span>
  );
}
