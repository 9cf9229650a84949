import { useTranslation } from 'react-i18next';
import type { Deadline } from '@ruta/engine';
import { formatDateTime } from '../format/formatDateTime.js';
import { useLang } from '../i18n/useLang.js';
import { DueLabel } from '../ui/DueLabel.js';
import type { NamedTimer } from './delayedTransition.js';

/**
 * The case's running deadlines and the steps the protocol will take by itself (timers, e.g. a
 * renewal that opens on its own), nearest first, each with its time left or how late it is.
 */
export function Deadlines({ deadlines, timers = [] }: { deadlines: Deadline[]; timers?: NamedTimer[] }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  if (deadlines.length === 0 && timers.length === 0) return <p className="empty">{t('deadlines.none')}</p>;
  const items = [
    ...deadlines.map((d) => ({ key: d.name, title: pick(d.title) || d.name, dueAt: d.dueAt, timer: false })),
    ...timers.map((x) => ({
      key: x.key,
      title: pick(x.title ?? undefined) || t('timeline.timer'),
      dueAt: x.dueAt,
      timer: true,
    })),
  ].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return (
    <ul className="deadlines">
      {items.map((d) => (
        <li key={d.key}>
          <span className="deadline-title">{d.title}</span>{' '}
          {d.timer ? (
            <span className="deadline-auto">
              {t('deadlines.automatic', { date: formatDateTime(d.dueAt, lang) })}{' '}
            </span>
          ) : null}
          <DueLabel dueAt={d.dueAt} />
        </li>
      ))}
    </ul>
  );
}
