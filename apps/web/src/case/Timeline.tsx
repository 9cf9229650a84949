import { useTranslation } from 'react-i18next';
import type { EventRecord } from '@ruta/engine';
import type { ResolvedProtocol } from '@ruta/protocol';
import { getState } from '@ruta/protocol';
import { formatDateTime } from '../format/formatDateTime.js';
import { useLang } from '../i18n/useLang.js';
import { stateValueToPaths } from './statePaths.js';

/**
 * Every past step of the case, oldest first: what was done, by whom (role, country, user) and
 * when, and the stage it led to.
 */
export function Timeline({
  history,
  protocol,
  myId = null,
}: {
  history: EventRecord[];
  /** The logged-in user's id: their own steps read "You". */
  myId?: string | null;
  protocol: Pick<ResolvedProtocol, 'events' | 'machine'>;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  if (history.length === 0) return <p className="empty">{t('timeline.empty')}</p>;

  const leafTitles = (value: EventRecord['to']) => {
    const paths = stateValueToPaths(value);
    const leaves = paths.filter((p) => !paths.some((q) => q.startsWith(`${p}.`)));
    return leaves.map((p) => pick(getState(protocol.machine, p)?.meta.title) || p).join(' · ');
  };
  const what = (e: EventRecord) => {
    if (e.kind === 'opened') return t('timeline.opened');
    if (e.kind === 'migrated') return t('timeline.migrated');
    if (e.kind === 'timer') return t('timeline.timer');
    return pick(protocol.events[e.type]?.title) || e.type;
  };

  return (
    <ol className="timeline">
      {history.map((e) => {
        const actor = e.actor as EventRecord['actor'] & { name?: string };
        return (
          <li key={e.id ?? e.seq} className={`timeline-item kind-${e.kind}`}>
            <time dateTime={e.at} className="timeline-when">
              {formatDateTime(e.at, lang)}
            </time>
            <span className="timeline-what">{what(e)}</span>
            <span className="timeline-who">
              {actor.role === 'system' ? (
                t('timeline.bySystem')
              ) : (
                <>
                  {actor.userId === myId
                    ? t('timeline.you')
                    : (actor.name ?? <span className="user-id">{actor.userId}</span>)}
                  {' · '}
                  {t(`roles.${actor.role}`, { defaultValue: actor.role })}
                  {' · '}
                  {actor.country === 'REGIONAL' ? t('countries.REGIONAL') : actor.country}
                </>
              )}
            </span>
            <span className="timeline-to">
              <span className="visually-hidden">{t('timeline.ledTo')} </span>
              <span aria-hidden="true">→ </span>
              {leafTitles(e.to)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
