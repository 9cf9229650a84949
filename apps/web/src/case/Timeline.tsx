import { useTranslation } from 'react-i18next';
import type { EventRecord } from '@ruta/engine';
import type { ResolvedProtocol } from '@ruta/protocol';
import { getState } from '@ruta/protocol';
import { formatDateTime } from '../format/formatDateTime.js';
import { useLang } from '../i18n/useLang.js';
import { delayedTransition } from './delayedTransition.js';
import { describeMigration } from './describeMigration.js';
import { formOfEvent } from './formOfEvent.js';
import { RESERVED } from './formatValue.js';
import { RecordedFields } from './RecordedData.js';
import { stateValueToPaths } from './statePaths.js';
import { versionOfEvent } from './versionsOfHistory.js';

/** What the timeline names a step, its stages and its form with. */
export type TimelineProtocol = Pick<ResolvedProtocol, 'events' | 'machine' | 'forms' | 'title'>;

/**
 * Every past step of the case, oldest first: what was done, by whom (role, country, user) and
 * when, the stage it led to, and the answers of the form it recorded (opened on demand; earlier
 * records of a form recorded again are only here). Reserved answers are shown one at a time,
 * with a reason, through `reveal` (that step's own value); without it they stay reserved.
 * Each step is told in the words of the protocol version it ran under (`versions`, by
 * "id@version"; `protocol`, the case's current version, where that one could not be loaded): a
 * case migrated since reads as it happened, and its migration says from which version to which.
 */
export function Timeline({
  history,
  protocol: current,
  versions = new Map(),
  myId = null,
  reveal,
}: {
  history: EventRecord[];
  /** Shows the value a step (its seq) recorded for a reserved field, the reason logged. */
  reveal?: (seq: number, form: string, field: string, reason: string) => Promise<unknown>;
  /** The logged-in user's id: their own steps read "You". */
  myId?: string | null;
  protocol: TimelineProtocol;
  /** The protocol versions the history ran under, by "id@version". */
  versions?: ReadonlyMap<string, TimelineProtocol>;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  if (history.length === 0) return <p className="empty">{t('timeline.empty')}</p>;

  const leafTitles = (protocol: TimelineProtocol, value: EventRecord['to']) => {
    const paths = stateValueToPaths(value);
    const leaves = paths.filter((p) => !paths.some((q) => q.startsWith(`${p}.`)));
    return leaves.map((p) => pick(getState(protocol.machine, p)?.meta.title) || p).join(' · ');
  };
  const what = (protocol: TimelineProtocol, e: EventRecord) => {
    if (e.kind === 'opened') return t('timeline.opened');
    if (e.kind === 'migrated') return describeMigration(e, versions, t, pick).title;
    if (e.kind === 'timer') {
      const what = delayedTransition(protocol.machine, e.type, e.from ? stateValueToPaths(e.from) : []);
      return what ? t('timeline.timerNamed', { what: pick(what) }) : t('timeline.timer');
    }
    return pick(protocol.events[e.type]?.title) || e.type;
  };

  return (
    <ol className="timeline">
      {history.map((e) => {
        const actor = e.actor as EventRecord['actor'] & { name?: string };
        const protocol = versionOfEvent(versions, e, current);
        const mapping = e.kind === 'migrated' ? describeMigration(e, versions, t, pick).mapping : [];
        const formId = formOfEvent(protocol, e);
        const form = formId ? (protocol.forms[formId] ?? null) : null;
        const values = (formId ? e.data : {}) as Record<string, unknown>;
        return (
          <li key={e.id ?? e.seq} className={`timeline-item kind-${e.kind}`}>
            <time dateTime={e.at} className="timeline-when">
              {formatDateTime(e.at, lang)}
            </time>
            <span className="timeline-what">{what(protocol, e)}</span>
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
              {leafTitles(protocol, e.to)}
            </span>
            {mapping.length > 0 ? (
              <div className="timeline-mapping">
                <span>{t('timeline.mapping')}</span>
                <ul>
                  {mapping.map((m, i) => (
                    <li key={i}>{t('timeline.mappedStage', m)}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {formId ? (
              <details className="timeline-data">
                <summary>{t('timeline.showData', { form: form ? pick(form.title) : formId })}</summary>
                {hasReserved(values) && !reveal ? <p className="hint">{t('timeline.reservedHint')}</p> : null}
                <RecordedFields
                  formId={formId}
                  form={form}
                  values={values}
                  {...(reveal
                    ? { reveal: (field: string, reason: string) => reveal(e.seq, formId, field, reason) }
                    : {})}
                />
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function hasReserved(value: unknown): boolean {
  if (value === RESERVED) return true;
  return typeof value === 'object' && value !== null && Object.values(value).some(hasReserved);
}
