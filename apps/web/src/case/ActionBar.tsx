import { useTranslation } from 'react-i18next';
import type { AvailableAction, Rejection } from '@ruta/engine';
import { useLang } from '../i18n/useLang.js';
import { describeRejection, isBlocking } from './describeRejection.js';
import { ReasonItems } from './ReasonItems.js';

export interface ActionBarProps {
  actions: AvailableAction[];
  /** The event being sent now, if any. */
  busy?: string | null;
  onAct: (action: AvailableAction) => void;
  fieldLabel?: (form: string, path: string, message: string, keyword: string) => string | null;
  /** Accessible name of the group, e.g. "Actions for: Immediate protection". */
  label: string;
}

/**
 * Every action available now, each unavailable one with its reasons. An action blocked by a
 * role, country or closed case is aria-disabled but stays focusable, so a keyboard or screen-
 * reader user can reach it and hear why. One that only needs the form filled in (a missing field,
 * a condition on the answers) stays usable: the form is checked when it is pressed.
 */
export function ActionBar({ actions, busy = null, onAct, fieldLabel, label }: ActionBarProps) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  if (actions.length === 0) return null;
  return (
    <div className="action-bar" role="group" aria-label={label}>
      <ul className="action-list">
        {actions.map((a) => {
          const blocking = a.reasons.filter(isBlocking);
          const blocked = !a.ok && (blocking.length > 0 || !a.form);
          const reasonsId = `reasons-${a.event}`;
          const hasReasons = a.reasons.length > 0;
          return (
            <li key={a.event} className={`action${blocked ? ' is-blocked' : ''}`}>
              <button
                type="button"
                className={`btn ${blocked ? 'btn-blocked' : 'btn-primary'}`}
                aria-disabled={blocked || busy !== null ? true : undefined}
                aria-describedby={hasReasons ? reasonsId : undefined}
                onClick={() => {
                  if (!blocked && busy === null) onAct(a);
                }}
              >
                {busy === a.event ? t('actions.sending') : pick(a.title)}
              </button>
              {hasReasons ? (
                <ReasonList
                  id={reasonsId}
                  reasons={a.reasons}
                  blocked={blocked}
                  describe={(r) => describeRejection(r, t, lang, fieldLabel)}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ReasonList({
  id,
  reasons,
  blocked,
  describe,
}: {
  id: string;
  reasons: Rejection[];
  blocked: boolean;
  describe: (r: Rejection) => string;
}) {
  const { t } = useTranslation();
  return (
    <div id={id} className={`reasons${blocked ? ' reasons-blocked' : ''}`}>
      <span className="reasons-lead">
        {blocked ? t('actions.unavailableBecause') : t('actions.needsFirst')}
      </span>
      <ReasonItems reasons={reasons} describe={describe} />
    </div>
  );
}
