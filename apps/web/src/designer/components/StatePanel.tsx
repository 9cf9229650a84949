import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getState, listStates, listTransitions, ROLES } from '@ruta/protocol';
import type { Lang, Problem, ResolvedProtocol, Role } from '@ruta/protocol';
import type { DesignDoc } from '../model/DesignDoc.js';
import type { Editor } from '../state/useEditor.js';
import { keyOf, parentPath } from '../model/chartPaths.js';
import { stateKind } from '../model/chartGraph.js';
import { anchorPointers } from '../model/anchorPointers.js';
import { renameState } from '../model/renameState.js';
import { removeState, incomingTransitions } from '../model/removeState.js';
import { addState } from '../model/addState.js';
import { updateState, updateStateMeta } from '../model/updateState.js';
import { addTransition, defaultActions } from '../model/transitionEdits.js';
import { addForm } from '../model/formEdits.js';
import { setEvent } from '../model/protocolEdits.js';
import { pick } from '../i18n/pick.js';
import { TextPair } from './TextPair.js';
import { CommitInput } from './CommitInput.js';
import { LegalRefsEditor } from './LegalRefsEditor.js';
import { HandoverEditor } from './HandoverEditor.js';
import { ActionsEditor } from './ActionsEditor.js';
import { AnchorSelect } from './AnchorSelect.js';
import { EventPicker } from './EventPicker.js';
import '../designer.css';

export interface StatePanelProps {
  doc: DesignDoc;
  path: string;
  lang: Lang;
  apply: Editor['apply'];
  select: Editor['select'];
  /** Opens the form builder on a form. */
  onOpenForm?: (formId: string) => void;
  /** Forms cannot be changed in this draft (a regional protocol file references shared forms). */
  formsLocked?: boolean;
  /** The verifier's problems: those about what a deadline counts from show at its choice. */
  problems?: readonly Problem[];
  /** The resolved base of a national variant: its choice of what a deadline or delay counts from is shown. */
  base?: ResolvedProtocol | null | undefined;
}

/** Everything about one step: titles, institution, form, roles, deadline, legal basis, handover, tags, actions and where it leads. */
export function StatePanel({
  doc,
  path,
  lang,
  apply,
  select,
  onOpenForm,
  formsLocked,
  problems,
  base,
}: StatePanelProps) {
  const { t } = useTranslation('designer');
  const state = getState(doc.machine, path);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [connectTo, setConnectTo] = useState('');
  if (!state) return <p className="dz-hint">{t('panel.gone')}</p>;
  const meta = state.meta;
  const kind = stateKind(state);
  const children = Object.keys(state.states ?? {});
  const c = (field: string) => `state:${path}:${field}`;
  const outgoing = listTransitions(doc.machine).filter((x) => x.source === path);
  const states = listStates(doc.machine);
  const allStates = states.filter((s) => s.path !== path);
  const pointer = states.find((s) => s.path === path)?.pointer ?? '';

  return (
    <section className="dz-panel" aria-labelledby="dz-state-heading" data-testid="state-panel">
      <h2 id="dz-state-heading">
        {t('state.heading')}: {pick(meta.title, lang)}
      </h2>
      <label>
        {t('state.key')}
        <CommitInput
          name="state-key"
          value={keyOf(path)}
          onCommit={(key) =>
            apply((d) => ({
              doc: renameState(d, path, key),
              select: { kind: 'state', path: parentPath(path) === '' ? key : `${parentPath(path)}.${key}` },
            }))
          }
        />
        <span className="dz-hint">{t('state.keyHint')}</span>
      </label>
      <TextPair
        name="state-title"
        label={t('state.title')}
        value={meta.title}
        required
        onChange={(title) => apply((d) => updateStateMeta(d, path, { title }), c('title'))}
      />
      <TextPair
        name="state-description"
        label={t('state.description')}
        value={meta.description}
        multiline
        onChange={(description) =>
          apply(
            (d) =>
              updateStateMeta(d, path, {
                description: description.es || description.en ? description : undefined,
              }),
            c('description'),
          )
        }
      />
      <label>
        {t('state.kind')}
        <select
          name="state-kind"
          value={kind}
          onChange={(e) => apply((d) => updateState(d, path, { type: e.target.value as typeof kind }))}
        >
          <option value="atomic" disabled={children.length > 0}>
            {t('state.kinds.atomic')}
          </option>
          <option value="final" disabled={children.length > 0}>
            {t('state.kinds.final')}
          </option>
          <option value="compound" disabled={children.length === 0}>
            {t('state.kinds.compound')}
          </option>
          <option value="parallel" disabled={children.length === 0}>
            {t('state.kinds.parallel')}
          </option>
        </select>
      </label>
      {kind === 'compound' && (
        <label>
          {t('state.initial')}
          <select
            value={state.initial ?? ''}
            onChange={(e) => apply((d) => updateState(d, path, { initial: e.target.value }))}
          >
            {children.map((k) => (
              <option key={k} value={k}>
                {pick(state.states?.[k]?.meta.title, lang)} ({k})
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="dz-row">
        <label>
          {t('state.form')}
          <select
            name="state-form"
            value={meta.form ?? ''}
            onChange={(e) => apply((d) => updateStateMeta(d, path, { form: e.target.value || undefined }))}
          >
            <option value="">{t('state.noForm')}</option>
            {Object.values(doc.forms).map((f) => (
              <option key={f.id} value={f.id}>
                {pick(f.title, lang)} ({f.id})
              </option>
            ))}
          </select>
        </label>
        {meta.form && onOpenForm && (
          <button type="button" onClick={() => onOpenForm(meta.form!)}>
            {t('state.editForm')}
          </button>
        )}
        {!formsLocked && (
          <button
            type="button"
            name="new-form"
            onClick={() => {
              const id = addForm(doc, { title: meta.title }).id;
              apply((d) => updateStateMeta(addForm(d, { title: meta.title, id }).doc, path, { form: id }));
              onOpenForm?.(id);
            }}
          >
            {t('state.newForm')}
          </button>
        )}
      </div>
      <TextPair
        name="state-institution"
        label={t('state.institution')}
        value={meta.institution}
        onChange={(institution) =>
          apply(
            (d) =>
              updateStateMeta(d, path, {
                institution: institution.es || institution.en ? institution : undefined,
              }),
            c('institution'),
          )
        }
      />
      <label>
        {t('state.deadline')}
        <input
          name="state-deadline"
          type="number"
          min={1}
          value={meta.deadline?.hours ?? ''}
          placeholder={t('state.noDeadline')}
          onChange={(e) => {
            const hours = Number(e.target.value);
            const from = meta.deadline?.from;
            apply(
              (d) =>
                updateStateMeta(d, path, {
                  deadline: e.target.value === '' ? undefined : from ? { hours, from } : { hours },
                }),
              c('deadline'),
            );
          }}
        />
      </label>
      {meta.deadline && (
        <AnchorSelect
          doc={doc}
          lang={lang}
          pointer={anchorPointers.stateDeadline(doc, path) ?? ''}
          name="state-deadline-from"
          label={t('state.deadlineFrom')}
          stepLabel={t('state.deadlineFromEntry')}
          hint={t('state.deadlineFromHint')}
          value={meta.deadline.from?.field}
          problems={problems}
          baseField={base ? getState(base.machine, path)?.meta.deadline?.from?.field : undefined}
          onChange={(field) => {
            const hours = meta.deadline?.hours ?? 0;
            apply((d) =>
              updateStateMeta(d, path, { deadline: field ? { hours, from: { field } } : { hours } }),
            );
          }}
        />
      )}
      <fieldset className="dz-roles">
        <legend>{t('state.roles')}</legend>
        {ROLES.filter((r) => r !== 'admin').map((role) => (
          <label key={role} className="dz-check">
            <input
              type="checkbox"
              checked={(meta.roles ?? []).includes(role)}
              onChange={(e) => {
                const roles: Role[] = e.target.checked
                  ? [...(meta.roles ?? []), role]
                  : (meta.roles ?? []).filter((r) => r !== role);
                apply((d) => updateStateMeta(d, path, { roles: roles.length ? roles : undefined }));
              }}
            />
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('state.tags')}
        <CommitInput
          name="state-tags"
          value={(state.tags ?? []).join(', ')}
          onCommit={(v) => apply((d) => updateState(d, path, { tags: v.split(',') }))}
        />
        <span className="dz-hint">{t('state.tagsHint')}</span>
      </label>
      <LegalRefsEditor
        value={meta.legal}
        onChange={(legal) => apply((d) => updateStateMeta(d, path, { legal }), c('legal'))}
      />
      <HandoverEditor
        doc={doc}
        path={path}
        lang={lang}
        value={meta.handover}
        problems={(problems ?? []).filter((p) => p.location.pointer.startsWith(`${pointer}/meta/handover`))}
        onChange={(handover, k) =>
          apply((d) => updateStateMeta(d, path, { handover }), k ? c(`handover-${k}`) : undefined)
        }
      />
      <ActionsEditor
        legend={t('state.entry')}
        value={state.entry ?? []}
        forms={Object.keys(doc.forms)}
        protocols={[doc.id]}
        anchor={{ doc, lang, pointer: anchorPointers.stateActions(doc, path, 'entry'), problems }}
        scope={c('entry')}
        onChange={(entry, k) => apply((d) => updateState(d, path, { entry }), k)}
      />
      <ActionsEditor
        legend={t('state.exit')}
        value={state.exit ?? []}
        forms={Object.keys(doc.forms)}
        protocols={[doc.id]}
        anchor={{ doc, lang, pointer: anchorPointers.stateActions(doc, path, 'exit'), problems }}
        scope={c('exit')}
        onChange={(exit, k) => apply((d) => updateState(d, path, { exit }), k)}
      />

      <h3>{t('state.outgoing')}</h3>
      {outgoing.length === 0 && <p className="dz-hint">{t('state.noOutgoing')}</p>}
      <ul className="dz-list">
        {outgoing.map((x) => (
          <li key={`${x.event}|${x.index}`}>
            <button
              type="button"
              className="dz-link"
              onClick={() =>
                select({ kind: 'transition', ref: { source: x.source, event: x.event, index: x.index } })
              }
            >
              {pick(doc.events[x.event]?.title, lang) || x.event} →{' '}
              {x.transition.target ?? t('transition.noTarget')}
              {x.transition.guard ? ` [${x.transition.guard}]` : ''}
            </button>
          </li>
        ))}
      </ul>
      {kind !== 'final' && (
        <div className="dz-connect">
          <label>
            {t('state.connectTo')}
            <select name="connect-target" value={connectTo} onChange={(e) => setConnectTo(e.target.value)}>
              <option value="">{t('state.chooseTarget')}</option>
              {allStates.map((s) => (
                <option key={s.path} value={s.path}>
                  {pick(s.state.meta.title, lang)} ({s.path})
                </option>
              ))}
            </select>
          </label>
          {connectTo !== '' && (
            <EventPicker
              doc={doc}
              lang={lang}
              label={t('state.connectEvent')}
              value=""
              onPick={(event, created) => {
                apply((d) => {
                  const withEvent = created ? setEvent(d, event, created) : d;
                  const made = addTransition(withEvent, {
                    source: path,
                    targetPath: connectTo,
                    event,
                    actions: defaultActions(withEvent, path),
                  });
                  return { doc: made.doc, select: { kind: 'transition', ref: made.ref } };
                });
                setConnectTo('');
              }}
            />
          )}
        </div>
      )}

      <div className="dz-row dz-danger-zone">
        {kind !== 'final' && (
          <button
            type="button"
            name="add-child"
            onClick={() =>
              apply((d) => {
                const made = addState(d, { parent: path, title: { es: 'Nueva etapa', en: 'New step' } });
                return { doc: made.doc, select: { kind: 'state', path: made.path } };
              })
            }
          >
            {t('state.addChild')}
          </button>
        )}
        {!confirmDelete ? (
          <button type="button" className="dz-danger" onClick={() => setConfirmDelete(true)}>
            {t('state.delete')}
          </button>
        ) : (
          <span role="alert">
            {t('state.deleteConfirm', { count: incomingTransitions(doc, path) })}{' '}
            <button
              type="button"
              className="dz-danger"
              name="confirm-delete"
              onClick={() => {
                setConfirmDelete(false);
                apply((d) => ({ doc: removeState(d, path), select: { kind: 'protocol' } }));
              }}
            >
              {t('state.deleteYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </button>
          </span>
        )}
      </div>
    </section>
  );
}
