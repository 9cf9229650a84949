import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getState } from '@ruta/protocol';
import type { Lang, Problem, ResolvedProtocol } from '@ruta/protocol';
import type { Editor } from '../state/useEditor.js';
import { useVerification } from '../state/useVerification.js';
import { ChartGraph } from '../graph/ChartGraph.js';
import { addState } from '../model/addState.js';
import { removeState } from '../model/removeState.js';
import { addTransition, defaultActions, removeTransition } from '../model/transitionEdits.js';
import { setEvent } from '../model/protocolEdits.js';
import { locateProblem, problemCounts } from '../model/locateProblem.js';
import { deriveVariantChanges } from '../model/deriveVariantChanges.js';
import type { InexpressibleChange } from '../model/deriveVariantChanges.js';
import { StatePanel } from './StatePanel.js';
import { TransitionPanel } from './TransitionPanel.js';
import { ProtocolPanel } from './ProtocolPanel.js';
import { FormBuilder } from './FormBuilder.js';
import { VerifyPanel } from './VerifyPanel.js';
import { Simulator } from './Simulator.js';
import { VariantChanges } from './VariantChanges.js';
import { DiffView } from './DiffView.js';
import { EventPicker } from './EventPicker.js';
import { ErrorBanner } from './ErrorBanner.js';
import '../designer.css';

export type EditorTab = 'properties' | 'form' | 'verify' | 'simulate' | 'changes';

export interface EditorViewProps {
  editor: Editor;
  lang: Lang;
  /** The resolved base of a national variant: enables the list of changes and the comparison. */
  base?: ResolvedProtocol | null;
  /** A regional draft names shared forms: they are shown, not changed. */
  formsLocked?: boolean;
  /** Save status and publish, from the page. */
  toolbar?: ReactNode;
  inexpressible?: InexpressibleChange[];
  /** Problems the server found in the last save (form checks, where the page cannot run them). */
  serverProblems?: Problem[];
  initialTab?: EditorTab;
  /** Opens a tab at the page's request (e.g. Verification from a refused publish); a new object each time. */
  showTab?: { tab: EditorTab } | null;
  /** Called once the chart is first drawn, with the milliseconds it took (the benchmark). */
  onGraphReady?: (ms: number) => void;
}

/**
 * The protocol designer's workspace: the chart (with undo, redo and "add a state") and a side
 * panel with the selected element, its form, the verifier, the simulator and, for a national
 * variant, what it changes. Works on any document; the page around it loads and saves.
 */
const noProblems: Problem[] = [];

export function EditorView({
  editor,
  lang,
  base = null,
  formsLocked = false,
  toolbar,
  inexpressible = [],
  serverProblems = noProblems,
  initialTab = 'properties',
  showTab = null,
  onGraphReady,
}: EditorViewProps) {
  const { t } = useTranslation('designer');
  const { doc, selection, apply, select } = editor;
  const [tab, setTab] = useState<EditorTab>(initialTab);
  const [mode, setMode] = useState<'edit' | 'compare'>('edit');
  const [formId, setFormId] = useState<string | null>(null);
  const [field, setField] = useState<string | null>(null);
  const [connection, setConnection] = useState<{ source: string; target: string } | null>(null);
  const [active, setActive] = useState<ReadonlySet<string>>(new Set());
  const verification = useVerification(doc, serverProblems);
  const counts = useMemo(
    () => (verification ? problemCounts(verification.doc, verification.problems) : undefined),
    [verification],
  );
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (showTab) setTab(showTab.tab);
  }, [showTab]);

  // Selecting a field opens its form; selecting a state with a form makes that the form tab's form.
  useEffect(() => {
    if (selection?.kind === 'field') {
      setFormId(selection.form);
      setField(selection.field);
      setTab('form');
    } else if (selection?.kind === 'state') {
      const f = getState(doc.machine, selection.path)?.meta.form;
      if (f !== undefined && f !== formId) {
        setFormId(f);
        setField(null);
      }
      if (tab === 'form' && f === undefined) setTab('properties');
    }
    // Only a new selection moves the panel.
  }, [selection]);

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) editor.redo();
        else editor.undo();
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        editor.redo();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !isTyping(e.target)) {
        if (selection?.kind === 'state') {
          e.preventDefault();
          apply((d) => ({ doc: removeState(d, selection.path), select: { kind: 'protocol' } }));
        } else if (selection?.kind === 'transition') {
          e.preventDefault();
          apply((d) => ({ doc: removeTransition(d, selection.ref), select: { kind: 'protocol' } }));
        }
      }
    },
    [editor, selection, apply],
  );
  // On the document, so the shortcuts still work when the focused element was just deleted (focus
  // falls back to the body); keys typed anywhere else on the page are left alone.
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      const el = root.current;
      if (!el) return;
      if (e.target === document.body || (e.target instanceof Node && el.contains(e.target))) onKey(e);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [onKey]);

  const selectProblem = (p: Problem) => {
    const at = locateProblem(doc, p);
    if (at) {
      select(at);
      if (at.kind !== 'field') setTab('properties');
    }
  };
  const onSelect = useCallback(
    (s: Parameters<typeof select>[0]) => {
      select(s);
      if (s && s.kind !== 'field')
        setTab((current) =>
          current === 'verify' || current === 'simulate' || current === 'changes' ? current : 'properties',
        );
    },
    [select],
  );
  const onActiveChange = useCallback((paths: string[]) => setActive(new Set(paths)), []);
  const variant = useMemo(() => (base ? deriveVariantChanges(base, doc) : null), [base, doc]);
  const errors = verification ? verification.problems.filter((p) => p.severity !== 'warning').length : null;

  const tabs: [EditorTab, string][] = [
    ['properties', t('tabs.properties')],
    ['form', t('tabs.form')],
    ['verify', errors === null ? t('tabs.verify') : `${t('tabs.verify')} (${errors})`],
    ['simulate', t('tabs.simulate')],
  ];
  if (base) tabs.push(['changes', t('tabs.changes')]);

  return (
    <div className="dz-editor" ref={root} tabIndex={-1} data-testid="designer-editor">
      <div className="dz-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
        <button type="button" name="undo" onClick={editor.undo} disabled={!editor.canUndo} title="Ctrl+Z">
          ↶ {t('toolbar.undo')}
        </button>
        <button
          type="button"
          name="redo"
          onClick={editor.redo}
          disabled={!editor.canRedo}
          title="Ctrl+Shift+Z"
        >
          ↷ {t('toolbar.redo')}
        </button>
        <button
          type="button"
          name="add-state"
          onClick={() =>
            apply((d) => {
              const made = addState(d, {
                parent: '',
                title: { es: t('toolbar.newStateEs'), en: t('toolbar.newStateEn') },
              });
              return { doc: made.doc, select: { kind: 'state', path: made.path } };
            })
          }
        >
          + {t('toolbar.addState')}
        </button>
        {base && (
          <button
            type="button"
            name="compare"
            aria-pressed={mode === 'compare'}
            onClick={() => setMode(mode === 'edit' ? 'compare' : 'edit')}
          >
            {mode === 'edit' ? t('toolbar.compareBase') : t('toolbar.backToEdit')}
          </button>
        )}
        <span
          className={`dz-verdict ${errors ? 'is-failing' : 'is-passing'}`}
          role="status"
          data-testid="verify-summary"
        >
          {errors === null
            ? t('verify.running')
            : errors === 0
              ? t('verify.passing')
              : t('verify.failing', { count: errors })}
        </span>
        <span className="dz-toolbar-extra">{toolbar}</span>
      </div>
      <ErrorBanner error={editor.error} onDismiss={editor.dismissError} />
      {mode === 'compare' && base ? (
        <DiffView a={base} b={doc} lang={lang} />
      ) : (
        <div className="dz-workspace">
          <div className="dz-canvas">
            <ChartGraph
              doc={doc}
              lang={lang}
              selection={selection}
              onSelect={onSelect}
              onConnect={(source, target) => setConnection({ source, target })}
              problems={counts}
              active={tab === 'simulate' ? active : undefined}
              label={t('graph.label')}
              onReady={onGraphReady}
            />
          </div>
          <aside className="dz-side" aria-label={t('side.label')}>
            <div role="tablist" className="dz-tabs">
              {tabs.map(([id, label]) => (
                <button
                  key={id}
                  role="tab"
                  type="button"
                  name={`tab-${id}`}
                  aria-selected={tab === id}
                  onClick={() => setTab(id)}
                >
                  {label}
                </button>
              ))}
            </div>
            <div role="tabpanel" className="dz-tabpanel">
              {connection && (
                <div className="dz-panel dz-subform" data-testid="connect-dialog">
                  <h2>{t('connect.heading')}</h2>
                  <p>
                    {getState(doc.machine, connection.source)?.meta.title[lang] ?? t('transition.anyState')} →{' '}
                    {getState(doc.machine, connection.target)?.meta.title[lang]}
                  </p>
                  <EventPicker
                    doc={doc}
                    lang={lang}
                    label={t('state.connectEvent')}
                    value=""
                    onPick={(event, created) => {
                      const c = connection;
                      setConnection(null);
                      apply((d) => {
                        const withEvent = created ? setEvent(d, event, created) : d;
                        const made = addTransition(withEvent, {
                          source: c.source,
                          targetPath: c.target,
                          event,
                          actions: defaultActions(withEvent, c.source),
                        });
                        return { doc: made.doc, select: { kind: 'transition', ref: made.ref } };
                      });
                    }}
                  />
                  <button type="button" onClick={() => setConnection(null)}>
                    {t('common.cancel')}
                  </button>
                </div>
              )}
              {tab === 'properties' &&
                (selection?.kind === 'state' ? (
                  <StatePanel
                    doc={doc}
                    path={selection.path}
                    lang={lang}
                    apply={apply}
                    select={select}
                    formsLocked={formsLocked}
                    problems={verification?.problems}
                    base={base}
                    onOpenForm={(id) => {
                      setFormId(id);
                      setField(null);
                      setTab('form');
                    }}
                  />
                ) : selection?.kind === 'transition' ? (
                  <TransitionPanel
                    doc={doc}
                    transition={selection.ref}
                    lang={lang}
                    apply={apply}
                    select={select}
                    problems={verification?.problems}
                    base={base}
                  />
                ) : (
                  <ProtocolPanel
                    doc={doc}
                    lang={lang}
                    apply={apply}
                    select={select}
                    problems={verification?.problems}
                    base={base}
                  />
                ))}
              {tab === 'form' &&
                (formId && doc.forms[formId] ? (
                  <FormBuilder
                    doc={doc}
                    formId={formId}
                    lang={lang}
                    apply={apply}
                    field={field}
                    onSelectField={setField}
                    readOnly={formsLocked}
                  />
                ) : (
                  <p className="dz-hint">{t('form.chooseState')}</p>
                ))}
              {tab === 'verify' && (
                <VerifyPanel
                  problems={verification?.problems ?? null}
                  invariants={verification?.invariants ?? []}
                  lang={lang}
                  onSelectProblem={selectProblem}
                  stale={verification !== null && verification.doc !== doc}
                />
              )}
              {tab === 'simulate' && <Simulator doc={doc} lang={lang} onActiveChange={onActiveChange} />}
              {tab === 'changes' && base && variant && (
                <VariantChanges
                  base={base}
                  doc={doc}
                  changes={variant.changes}
                  inexpressible={inexpressible.length ? inexpressible : variant.inexpressible}
                  lang={lang}
                />
              )}
            </div>
          </aside>
        </div>
      )}
    </div>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
