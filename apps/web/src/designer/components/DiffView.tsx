import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { diffProtocols } from '@ruta/protocol';
import type { Lang, ProtocolDiff, ResolvedProtocol } from '@ruta/protocol';
import type { Selection } from '../model/DesignDoc.js';
import { ChartGraph } from '../graph/ChartGraph.js';
import type { GraphMarks } from '../graph/ChartGraph.js';
import type { DiffMark } from '../graph/graphTypes.js';
import { pick } from '../i18n/pick.js';
import '../designer.css';

export interface DiffViewProps {
  a: ResolvedProtocol;
  b: ResolvedProtocol;
  lang: Lang;
  /** A diff already computed (e.g. by the server); computed here otherwise. */
  diff?: ProtocolDiff;
}

/** The marks of one side of a comparison: what it lost (left) or gained (right), and what changed. */
export function diffMarks(diff: ProtocolDiff, side: 'a' | 'b'): GraphMarks {
  const states = new Map<string, DiffMark>();
  const transitions = new Map<string, DiffMark>();
  const tid = (t: { source: string; event: string; index: number }) => `${t.source}|${t.event}|${t.index}`;
  for (const s of side === 'a' ? diff.states.removed : diff.states.added)
    states.set(s.path, side === 'a' ? 'removed' : 'added');
  for (const s of diff.states.changed) states.set(s.path, 'changed');
  for (const t of side === 'a' ? diff.transitions.removed : diff.transitions.added)
    transitions.set(tid(t), side === 'a' ? 'removed' : 'added');
  for (const t of diff.transitions.changed) transitions.set(tid(t), 'changed');
  return { states, transitions };
}

/**
 * Two versions side by side: states and transitions removed (left), added (right) and changed
 * (both) highlighted on the charts, and every difference listed below, forms and fields included.
 * Clicking an entry selects it on both charts.
 */
export function DiffView({ a, b, lang, diff: given }: DiffViewProps) {
  const { t } = useTranslation('designer');
  const diff = useMemo(() => given ?? diffProtocols(a, b), [a, b, given]);
  const marksA = useMemo(() => diffMarks(diff, 'a'), [diff]);
  const marksB = useMemo(() => diffMarks(diff, 'b'), [diff]);
  const [selection, setSelection] = useState<Selection | null>(null);
  const label = (p: ResolvedProtocol) => `${pick(p.title, lang)} — ${p.id}@${p.version}`;
  const empty =
    diff.protocol.length +
      diff.states.added.length +
      diff.states.removed.length +
      diff.states.changed.length +
      diff.transitions.added.length +
      diff.transitions.removed.length +
      diff.transitions.changed.length +
      diff.forms.added.length +
      diff.forms.removed.length +
      diff.forms.changed.length +
      named(diff.guards) +
      named(diff.events) +
      named(diff.delays) +
      named(diff.invariants) ===
    0;
  const eventTitle = (e: string) => pick(b.events[e]?.title ?? a.events[e]?.title, lang) || e;
  const tKey = (x: { source: string; event: string; index: number }) =>
    `${x.source || '*'} · ${eventTitle(x.event)} #${x.index + 1}`;
  const selectT = (x: { source: string; event: string; index: number }) =>
    setSelection({ kind: 'transition', ref: { source: x.source, event: x.event, index: x.index } });

  return (
    <section className="dz-diff" aria-labelledby="dz-diff-heading" data-testid="diff-view">
      <h2 id="dz-diff-heading">{t('diff.heading')}</h2>
      <p className="dz-legend">
        <span className="dz-chip is-added">{t('diff.added')}</span>{' '}
        <span className="dz-chip is-removed">{t('diff.removed')}</span>{' '}
        <span className="dz-chip is-changed">{t('diff.changed')}</span>
      </p>
      <div className="dz-diff-graphs">
        <figure>
          <figcaption>{label(a)}</figcaption>
          <ChartGraph
            doc={a}
            lang={lang}
            marks={marksA}
            readOnly
            selection={selection}
            onSelect={setSelection}
            label={label(a)}
            followSelection
          />
        </figure>
        <figure>
          <figcaption>{label(b)}</figcaption>
          <ChartGraph
            doc={b}
            lang={lang}
            marks={marksB}
            readOnly
            selection={selection}
            onSelect={setSelection}
            label={label(b)}
            followSelection
          />
        </figure>
      </div>
      {empty ? (
        <p role="status">{t('diff.none')}</p>
      ) : (
        <div className="dz-diff-list" data-testid="diff-list">
          {diff.protocol.length > 0 && (
            <DiffSection title={t('diff.protocol')}>
              {diff.protocol.map((k) => (
                <li key={k} className="is-changed">
                  {t(`diff.kinds.${k}`, { defaultValue: k })}
                </li>
              ))}
            </DiffSection>
          )}
          {diff.states.added.length + diff.states.removed.length + diff.states.changed.length > 0 && (
            <DiffSection title={t('diff.states')}>
              {diff.states.added.map((s) => (
                <Entry
                  key={`+${s.path}`}
                  mark="added"
                  onClick={() => setSelection({ kind: 'state', path: s.path })}
                  testid={`state:${s.path}`}
                >
                  {pick(s.title, lang)} <code>{s.path}</code>
                </Entry>
              ))}
              {diff.states.removed.map((s) => (
                <Entry
                  key={`-${s.path}`}
                  mark="removed"
                  onClick={() => setSelection({ kind: 'state', path: s.path })}
                  testid={`state:${s.path}`}
                >
                  {pick(s.title, lang)} <code>{s.path}</code>
                </Entry>
              ))}
              {diff.states.changed.map((s) => (
                <Entry
                  key={`~${s.path}`}
                  mark="changed"
                  onClick={() => setSelection({ kind: 'state', path: s.path })}
                  testid={`state:${s.path}`}
                >
                  {pick(s.title, lang)} <code>{s.path}</code>:{' '}
                  {s.changes.map((c) => t(`diff.kinds.${c}`, { defaultValue: c })).join(', ')}
                </Entry>
              ))}
            </DiffSection>
          )}
          {diff.transitions.added.length + diff.transitions.removed.length + diff.transitions.changed.length >
            0 && (
            <DiffSection title={t('diff.transitions')}>
              {diff.transitions.added.map((x) => (
                <Entry
                  key={`+${tKey(x)}`}
                  mark="added"
                  onClick={() => selectT(x)}
                  testid={`transition:${x.source}|${x.event}`}
                >
                  {tKey(x)} → <code>{x.transition.target ?? '—'}</code>
                  {x.transition.guard ? ` [${x.transition.guard}]` : ''}
                </Entry>
              ))}
              {diff.transitions.removed.map((x) => (
                <Entry
                  key={`-${tKey(x)}`}
                  mark="removed"
                  onClick={() => selectT(x)}
                  testid={`transition:${x.source}|${x.event}`}
                >
                  {tKey(x)} → <code>{x.transition.target ?? '—'}</code>
                </Entry>
              ))}
              {diff.transitions.changed.map((x) => (
                <Entry
                  key={`~${tKey(x)}`}
                  mark="changed"
                  onClick={() => selectT(x)}
                  testid={`transition:${x.source}|${x.event}`}
                >
                  {tKey(x)}: {x.changes.map((c) => t(`diff.kinds.${c}`, { defaultValue: c })).join(', ')}
                </Entry>
              ))}
            </DiffSection>
          )}
          {diff.forms.added.length + diff.forms.removed.length + diff.forms.changed.length > 0 && (
            <DiffSection title={t('diff.forms')}>
              {diff.forms.added.map((id) => (
                <Entry key={`+${id}`} mark="added" testid={`form:${id}`}>
                  {pick(b.forms[id]?.title, lang)} <code>{id}</code>
                </Entry>
              ))}
              {diff.forms.removed.map((id) => (
                <Entry key={`-${id}`} mark="removed" testid={`form:${id}`}>
                  {pick(a.forms[id]?.title, lang)} <code>{id}</code>
                </Entry>
              ))}
              {diff.forms.changed.map((f) => (
                <li key={`~${f.id}`} className="is-changed" data-diff={`form:${f.id}`}>
                  {pick(b.forms[f.id]?.title, lang)} <code>{f.id}</code>
                  {f.changes.length > 0 &&
                    `: ${f.changes.map((c) => t(`diff.kinds.${c}`, { defaultValue: c })).join(', ')}`}
                  <ul>
                    {f.fields.added.map((p) => (
                      <li key={`+${p}`} className="is-added" data-diff={`field:${f.id}.${p}`}>
                        {t('diff.added')}: <code>{p}</code>
                      </li>
                    ))}
                    {f.fields.removed.map((p) => (
                      <li key={`-${p}`} className="is-removed" data-diff={`field:${f.id}.${p}`}>
                        {t('diff.removed')}: <code>{p}</code>
                      </li>
                    ))}
                    {f.fields.changed.map((c) => (
                      <li key={`~${c.path}`} className="is-changed" data-diff={`field:${f.id}.${c.path}`}>
                        {t('diff.changed')}: <code>{c.path}</code> (
                        {c.changes.map((k) => t(`diff.kinds.${k}`, { defaultValue: k })).join(', ')})
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </DiffSection>
          )}
          {(['guards', 'events', 'delays', 'invariants'] as const).map((k) =>
            named(diff[k]) > 0 ? (
              <DiffSection key={k} title={t(`diff.${k}`)}>
                {diff[k].added.map((n) => (
                  <Entry key={`+${n}`} mark="added" testid={`${k}:${n}`}>
                    <code>{n}</code>
                  </Entry>
                ))}
                {diff[k].removed.map((n) => (
                  <Entry key={`-${n}`} mark="removed" testid={`${k}:${n}`}>
                    <code>{n}</code>
                  </Entry>
                ))}
                {diff[k].changed.map((c) => (
                  <Entry key={`~${c.name}`} mark="changed" testid={`${k}:${c.name}`}>
                    <code>{c.name}</code>:{' '}
                    {c.changes.map((x) => t(`diff.kinds.${x}`, { defaultValue: x })).join(', ')}
                  </Entry>
                ))}
              </DiffSection>
            ) : null,
          )}
        </div>
      )}
    </section>
  );
}

function named(d: { added: string[]; removed: string[]; changed: unknown[] }): number {
  return d.added.length + d.removed.length + d.changed.length;
}

function DiffSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3>{title}</h3>
      <ul>{children}</ul>
    </section>
  );
}

function Entry({
  mark,
  onClick,
  children,
  testid,
}: {
  mark: DiffMark;
  onClick?: () => void;
  children: ReactNode;
  testid: string;
}) {
  const { t } = useTranslation('designer');
  return (
    <li className={`is-${mark}`} data-diff={testid}>
      <span className="dz-chip-label">{t(`diff.${mark}`)}</span>{' '}
      {onClick ? (
        <button type="button" className="dz-link" onClick={onClick}>
          {children}
        </button>
      ) : (
        children
      )}
    </li>
  );
}
