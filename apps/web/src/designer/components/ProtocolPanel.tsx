import { useTranslation } from 'react-i18next';
import { listTransitions } from '@ruta/protocol';
import type { Lang } from '@ruta/protocol';
import type { DesignDoc } from '../model/DesignDoc.js';
import type { Editor } from '../state/useEditor.js';
import { setDelay, setEvent, setGuard, setProtocolTitle } from '../model/protocolEdits.js';
import { pick } from '../i18n/pick.js';
import { TextPair } from './TextPair.js';
import '../designer.css';

/** The protocol as a whole: titles, and the events, conditions and delays its transitions use. */
export function ProtocolPanel({
  doc,
  lang,
  apply,
  select,
}: {
  doc: DesignDoc;
  lang: Lang;
  apply: Editor['apply'];
  select: Editor['select'];
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
                  <button
                    key={`${u.source}|${u.event}|${u.index}`}
                    type="button"
                    className="dz-link"
                    onClick={() =>
                      select({
                        kind: 'transition',
                        ref: { source: u.source, event: u.event, index: u.index },
                      })
                    }
                  >
                    {u.source || '*'} · {u.event}
                  </button>
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
            {Object.entries(doc.delays ?? {}).map(([name, d]) => (
              <li key={name}>
                <label>
                  <code>{name}</code> ({t('actions.hours')})
                  <input
                    type="number"
                    min={1}
                    value={d.hours}
                    onChange={(e) =>
                      apply((x) => setDelay(x, name, { hours: Number(e.target.value) }), `delay:${name}`)
                    }
                  />
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
