import { useTranslation } from 'react-i18next';
import { listTransitions } from '@ruta/protocol';
import type { Lang, Problem, ResolvedProtocol, TransitionEntry } from '@ruta/protocol';
import type { ReactNode } from 'react';
import type { DesignDoc } from '../model/DesignDoc.js';
import type { Editor } from '../state/useEditor.js';
import { setEvent, setGuard, setProtocolTitle } from '../model/protocolEdits.js';
import { pick } from '../i18n/pick.js';
import { DelayEditor } from './DelayEditor.js';
import { TextPair } from './TextPair.js';
import '../designer.css';

/** The protocol as a whole: titles, and the events, conditions and delays its transitions use. */
export function ProtocolPanel({
  doc,
  lang,
  apply,
  select,
  problems,
  base,
}: {
  doc: DesignDoc;
  lang: Lang;
  apply: Editor['apply'];
  select: Editor['select'];
  /** The verifier's problems: those about what a delay counts from show under it. */
  problems?: readonly Problem[];
  /** The resolved base of a national variant: its choice of what a deadline or delay counts from is shown. */
  base?: ResolvedProtocol | null | undefined;
}) {
  const { t } = useTranslation('designer');
  const transitions = listTransitions(doc.machine);
  return (
    <section className="dz-panel" aria-labelledby="dz-protocol-heading" data-testid="protocol-panel">
      <h2 id="dz-protocol-heading">{t('protocol.heading')}</h2>
      <dl className="dz-facts">
        <dt>{t('protocol.id')}</dt>
        <dd>
          <code>
            {doc.id}@{doc.version}
          </code>
        </dd>
        <dt>{t('protocol.jurisdiction')}</dt>
        <dd>
          {doc.jurisdiction === 'REGIONAL' ? t('protocol.regional') : t(`countries.${doc.jurisdiction}`)}
        </dd>
        {doc.base && (
          <>
            <dt>{t('protocol.base')}</dt>
            <dd>
              <code>{doc.base}</code>
            </dd>
          </>
        )}
        <dt>{t('protocol.population')}</dt>
        <dd>{t(`protocol.populations.${doc.population}`)}</dd>
      </dl>
      <TextPair
        name="protocol-title"
        label={t('protocol.title')}
        value={doc.title}
        required
        onChange={(title) => apply((d) => setProtocolTitle(d, title), 'protocol:title')}
      />
      <TextPair
        name="protocol-description"
        label={t('protocol.description')}
        value={doc.description}
        multiline
        onChange={(description) =>
          apply((d) => setProtocolTitle(d, d.title, description), 'protocol:description')
        }
      />
      <h3>{t('protocol.events')}</h3>
      <ul className="dz-list">
        {Object.entries(doc.events).map(([name, def]) => (
          <li key={name}>
            <TextPair
              name={`event-${name}`}
              label={name}
              value={def.title}
              required
              onChange={(title) => apply((d) => setEvent(d, name, { ...def, title }), `event:${name}`)}
            />
          </li>
        ))}
      </ul>
      <h3>{t('protocol.guards')}</h3>
      <ul className="dz-list">
        {Object.entries(doc.guards).map(([name, g]) => {
          const users = transitions.filter((x) => x.transition.guard === name);
          return (
            <li key={name}>
              <strong>{pick(g.description, lang)}</strong> <code>{name}</code>{' '}
              {users.length === 0 ? (
                <span className="dz-hint">{t('protocol.unused')}</span>
              ) : (
                users.map((u) => (
                  <TransitionLink key={`${u.source}|${u.event}|${u.index}`} entry={u} select={select}>
                    {u.source || '*'} · {u.event}
                  </TransitionLink>
                ))
              )}
              <TextPair
                name={`guard-${name}`}
                label={t('guard.description')}
                value={g.description}
                required
                onChange={(description) =>
                  apply((d) => setGuard(d, name, { ...g, description }), `guard:${name}:description`)
                }
              />
            </li>
          );
        })}
      </ul>
      {Object.keys(doc.delays ?? {}).length > 0 && (
        <>
          <h3>{t('protocol.delays')}</h3>
          <ul className="dz-list">
            {Object.keys(doc.delays ?? {}).map((name) => (
              <li key={name}>
                <DelayEditor
                  doc={doc}
                  name={name}
                  lang={lang}
                  apply={apply}
                  problems={problems}
                  suffix={`-${name}`}
                  base={base}
                />
                {transitions
                  .filter((u) => u.event === `after:${name}`)
                  .map((u) => (
                    <TransitionLink key={`${u.source}|${u.index}`} entry={u} select={select}>
                      {u.source || '*'} · ⏲ {name}
                    </TransitionLink>
                  ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A button that selects a transition of the chart. */
function TransitionLink({
  entry: u,
  select,
  children,
}: {
  entry: TransitionEntry;
  select: Editor['select'];
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="dz-link"
      onClick={() =>
        select({ kind: 'transition', ref: { source: u.source, event: u.event, index: u.index } })
      }
    >
      {children}
    </button>
  );
}
