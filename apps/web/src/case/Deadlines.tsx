import { useTranslation } from 'react-i18next';
import type { Deadline } from '@ruta/engine';
import { useLang } from '../i18n/useLang.js';
import { DueLabel } from '../ui/DueLabel.js';

/** The case's running deadlines, nearest first, each with its time left or how late it is. */
export function Deadlines({ deadlines }: { deadlines: Deadline[] }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  if (deadlines.length === 0) return <p className="empty">{t('deadlines.none')}</p>;
  const sorted = [...deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return (
    <ul className="deadlines">
      {sorted.map((d) => (
        <li key={d.name}>
          <span className="deadline-title">{pick(d.title) || d.name}</span> <DueLabel dueAt={d.dueAt} />
        </li>
      ))}
    </ul>
  );
}
