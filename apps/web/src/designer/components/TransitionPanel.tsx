import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listStates, listTransitions, resolveTarget, ROLES } from '@ruta/protocol';
import type { Lang, Problem, ResolvedProtocol, Role, Text, TransitionConfig } from '@ruta/protocol';
import type { DesignDoc, TransitionRef } from '../model/DesignDoc.js';
import type { Editor } from '../state/useEditor.js';
import { readSlot } from '../model/transitionSlots.js';
import {
  moveTransition,
  removeTransition,
  setTransitionEvent,
  updateTransition,
} from '../model/transitionEdits.js';
import { newGuardName, removeGuard, setEvent, setGuard } from '../model/protocolEdits.js';
import { anchorPointers } from '../model/anchorPointers.js';
import { guardFields } from '../model/guardFields.js';
import { pick } from '../i18n/pick.js';
import { EventPicker } from './EventPicker.js';
import { GuardBuilder } from './GuardBuilder.js';
import { ActionsEditor } from './ActionsEditor.js';
import { DelayEditor } from './DelayEditor.js';
import { TextPair } from './TextPair.js';
import '../designer.css';

export interface TransitionPanelProps {
  doc: DesignDoc;
  transition: TransitionRef;
  lang: Lang;
  apply: Editor['apply'];
  select: Editor['select'];
  /** The verifier's problems: those about what a delay or setDeadline counts from show at its choice. */
  problems?: readonly Problem[];
  /** The resolved base of a national variant: its choice of what a deadline or delay counts from is shown. */
  base?: ResolvedProtocol | null | undefined;
}

/** One transition: its event, where it goes, the condition that must hold, and what it does. */
export function TransitionPanel({
  doc,
  transition: ref,
  lang,
  apply,
  select,
  problems,
  base,
}: TransitionPanelProps) {
  const { t } = useTranslation('designer');
  const [confirmDelete, setConfirmDelete] = useState(false);
  let list: TransitionConfig[];
  try {
    list = readSlot(doc.machine, ref.source, ref.event);
  } catch {
    list = [];
  }
  const tr = list[ref.index];
  if (!tr) return <p className="dz-hint">{t('panel.gone')}</p>;
  const sourceTitle =
    ref.source === ''
      ? t('transition.anyState')
      : pick(listStates(doc.machine).find((s) => s.path === ref.source)?.state.meta.title, lang);
  const targetPath = tr.target === undefined ? '' : (resolveTarget(doc.machine, ref.source, tr.target) ?? '');
  const guard = tr.guard !== undefined ? doc.guards[tr.guard] : undefined;
  const guardUsers =
    tr.guard === undefined
      ? 0
      : listTransitions(doc.machine).filter((x) => x.transition.guard === tr.guard).length;
  const fields = guardFields(doc, ref);
  const c = (field: string) => `transition:${ref.source}|${ref.event}|${ref.index}:${field}`;

  const setLogic = (logic: NonNullable<typeof guard>['logic']) =>
    apply((d) => {
      if (tr.guard !== undefined && d.guards[tr.guard])
        return setGuard(d, tr.guard, { ...d.guards[tr.guard]!, logic });
      const eventTitle = d.events[ref.event]?.title ?? { es: ref.event, en: ref.event };
      const description: Text = {
        es: `Condición para «${eventTitle.es}»`,
        en: `Condition for “${eventTitle.en}”`,
      };
      const name = newGuardName(d, description);
      return updateTransition(setGuard(d, name, { logic, description }), ref, { guard: name });
    }, c('guard'));

  return (
    <section className="dz-panel" aria-labelledby="dz-transition-heading" data-testid="transition-panel">
      <h2 id="dz-transition-heading">{t('transition.heading')}</h2>
      <p>
        {t('transition.from')}: <strong>{sourceTitle}</strong>
      </p>
      {ref.event === 'done' || ref.event.startsWith('after:') ? (
        <p>
          {t('transition.event')}: {ref.event === 'done' ? t('event.done') : `⏲ ${ref.event.slice(6)}`}
        </p>
      ) : (
        <EventPicker
          doc={doc}
          lang={lang}
          label={t('transition.event')}
          value={ref.event}
          onPick={(event, created) =>
            apply((d) => {
              const withEvent = created ? setEvent(d, event, created) : d;
              const moved = setTransitionEvent(withEvent, ref, event);
              return { doc: moved.doc, select: { kind: 'transition', ref: moved.ref } };
            })
          }
        />
      )}
      {ref.event.startsWith('after:') && (
        <DelayEditor
          doc={doc}
          name={ref.event.slice(6)}
          lang={lang}
          apply={apply}
          problems={problems}
          base={base}
        />
      )}
      {ref.event !== 'done' && !ref.event.startsWith('after:') && doc.events[ref.event] && (
        <TextPair
          name="event-title"
          label={t('transition.eventTitle')}
          value={doc.events[ref.event]!.title}
          required
          onChange={(title) =>
            apply((d) => setEvent(d, ref.event, { ...d.events[ref.event]!, title }), c('eventTitle'))
          }
        />
      )}
      <label>
        {t('transition.target')}
        <select
          name="transition-target"
          value={targetPath}
          onChange={(e) =>
            apply((d) =>
              updateTransition(d, ref, { targetPath: e.target.value === '' ? null : e.target.value }),
            )
          }
        >
          <option value="">{t('transition.noTarget')}</option>
          {listStates(doc.machine).map((s) => (
            <option key={s.path} value={s.path}>
              {pick(s.state.meta.title, lang)} ({s.path})
            </option>
          ))}
        </select>
      </label>

      <h3>{t('guard.heading')}</h3>
      {tr.guard === undefined ? (
        <p className="dz-hint">{t('guard.none')}</p>
      ) : (
        <>
          <TextPair
            name="guard-description"
            label={t('guard.description')}
            value={guard?.description}
            required
            onChange={(description) =>
              apply(
                (d) => setGuard(d, tr.guard!, { ...d.guards[tr.guard!]!, description }),
                c('guardDescription'),
              )
            }
          />
          {guardUsers > 1 && <p className="dz-hint">{t('guard.shared', { count: guardUsers })}</p>}
        </>
      )}
      <GuardBuilder logic={guard?.logic ?? null} fields={fields} lang={lang} onChange={setLogic} />
      {tr.guard !== undefined && (
        <button
          type="button"
          onClick={() =>
            apply((d) => {
              const next = updateTransition(d, ref, { guard: null });
              const stillUsed = listTransitions(next.machine).some((x) => x.transition.guard === tr.guard);
              return stillUsed ? next : removeGuard(next, tr.guard!);
            })
          }
        >
          {t('guard.remove')}
        </button>
      )}

      <ActionsEditor
        legend={t('transition.actions')}
        value={tr.actions ?? []}
        forms={Object.keys(doc.forms)}
        protocols={[doc.id]}
        anchor={{ doc, lang, pointer: anchorPointers.transitionActions(doc, ref), problems }}
        scope={c('actions')}
        onChange={(actions, k) => apply((d) => updateTransition(d, ref, { actions }), k)}
      />
      <fieldset className="dz-roles">
        <legend>{t('transition.roles')}</legend>
        <p className="dz-hint">{t('transition.rolesHint')}</p>
        {ROLES.filter((r) => r !== 'admin').map((role) => (
          <label key={role} className="dz-check">
            <input
              type="checkbox"
              checked={(tr.roles ?? []).includes(role)}
              onChange={(e) => {
                const roles: Role[] = e.target.checked
                  ? [...(tr.roles ?? []), role]
                  : (tr.roles ?? []).filter((r) => r !== role);
                apply((d) => updateTransition(d, ref, { roles }));
              }}
            />
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      <TextPair
        name="transition-description"
        label={t('transition.description')}
        value={tr.description}
        multiline
        onChange={(description) =>
          apply(
            (d) =>
              updateTransition(d, ref, {
                description: description.es || description.en ? description : null,
              }),
            c('description'),
          )
        }
      />
      {list.length > 1 && (
        <div className="dz-row">
          <span>{t('transition.order', { n: ref.index + 1, count: list.length })}</span>
          <button
            type="button"
            disabled={ref.index === 0}
            onClick={() =>
              apply((d) => {
                const m = moveTransition(d, ref, ref.index - 1);
                return { doc: m.doc, select: { kind: 'transition', ref: m.ref } };
              })
            }
          >
            {t('transition.earlier')}
          </button>
          <button
            type="button"
            disabled={ref.index === list.length - 1}
            onClick={() =>
              apply((d) => {
                const m = moveTransition(d, ref, ref.index + 1);
                return { doc: m.doc, select: { kind: 'transition', ref: m.ref } };
              })
            }
          >
            {t('transition.later')}
          </button>
        </div>
      )}
      <div className="dz-row dz-danger-zone">
        {!confirmDelete ? (
          <button type="button" className="dz-danger" onClick={() => setConfirmDelete(true)}>
            {t('transition.delete')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="dz-danger"
              onClick={() => {
                setConfirmDelete(false);
                apply((d) => ({
                  doc: removeTransition(d, ref),
                  select: ref.source ? { kind: 'state', path: ref.source } : { kind: 'protocol' },
                }));
              }}
            >
              {t('transition.deleteYes')}
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </button>
          </>
        )}
        {ref.source !== '' && (
          <button
            type="button"
            className="dz-link"
            onClick={() => select({ kind: 'state', path: ref.source })}
          >
            {t('transition.backToState')}
          </button>
        )}
      </div>
    </section>
  );
}
