import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Jurisdiction } from '@ruta/protocol';
import type { ProtocolSummary } from '../api/types.js';
import { useLang } from '../i18n/useLang.js';

/**
 * Opens a new case under a chosen protocol version (the newest of each is listed first). Only
 * the versions the server opens a case of `country` under are offered: the regional protocols
 * and that country's national variants (GET /api/protocols lists every country's, to read).
 */
export function OpenCaseForm({
  protocols,
  country,
  busy,
  onOpen,
}: {
  protocols: ProtocolSummary[];
  /** The user's country: a case is opened in it. */
  country: Jurisdiction;
  busy: boolean;
  onOpen: (protocol: { id: string; version: number }) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const published = protocols
    .filter((p) => p.status === 'published' && (p.jurisdiction === 'REGIONAL' || p.jurisdiction === country))
    .sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const p = published.find((x) => `${x.id}@${x.version}` === choice);
    if (!p) {
      setError(t('open.pick'));
      return;
    }
    setError(null);
    onOpen({ id: p.id, version: p.version });
  };
  return (
    <form className="open-case" onSubmit={onSubmit} noValidate aria-labelledby="open-case-title">
      <h2 id="open-case-title">{t('open.title')}</h2>
      <div className="field">
        <label htmlFor="open-protocol">{t('open.protocol')}</label>
        <select
          id="open-protocol"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'open-error' : undefined}
        >
          <option value="">{t('open.choose')}</option>
          {published.map((p) => (
            <option key={`${p.id}@${p.version}`} value={`${p.id}@${p.version}`}>
              {t('open.option', {
                title: pick(p.title),
                version: p.version,
                jurisdiction: t(`countries.${p.jurisdiction}`),
              })}
            </option>
          ))}
        </select>
        {error ? (
          <span id="open-error" className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('open.submit')}
      </button>
    </form>
  );
}
