import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Jurisdiction, Population, Text } from '@ruta/protocol';
import { ApiError } from '../../api/ApiError.js';
import { describeError } from '../../ui/ErrorMessage.js';
import type { NewProtocol } from '../model/newProtocolSkeleton.js';
import { MAX_PROTOCOL_ID, newProtocolProblems } from '../model/newProtocolProblems.js';
import type { NewProtocolProblems } from '../model/newProtocolProblems.js';
import { uniqueKebab } from '../model/uniqueKey.js';
import { TextPair } from './TextPair.js';
import '../designer.css';

const POPULATIONS: Population[] = ['child', 'adult', 'any'];

/** Server refusals of a new draft's id, said with the designer's texts. */
const SERVER_ID_ERRORS: Record<string, string> = {
  'id-taken': 'newProtocol.errors.id-published',
  'id-being-drafted': 'newProtocol.errors.id-drafted-elsewhere',
};

/**
 * The form that starts a protocol from scratch: its title in both languages, its id (suggested
 * from the Spanish title until the designer writes one), who it is for, and the jurisdiction,
 * which is the designer's own. Nothing is sent while a field is wrong; each problem is said next
 * to its field.
 */
export function NewProtocolForm({
  jurisdiction,
  taken,
  onCreate,
  onCancel,
}: {
  jurisdiction: Jurisdiction;
  /** Ids of published protocols (every country's) and of the designer's drafts. */
  taken: { published: string[]; drafts: string[] };
  /** Creates the draft; a thrown error is shown on the form. */
  onCreate: (spec: NewProtocol) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('designer');
  const { t: tApp } = useTranslation();
  const [title, setTitle] = useState<Text>({ es: '', en: '' });
  const [typedId, setTypedId] = useState<string | null>(null);
  const [population, setPopulation] = useState<Population | null>(null);
  const [problems, setProblems] = useState<NewProtocolProblems & { population?: 'population-missing' }>({});
  /** The server's refusal: of the id (said under it), or of anything else. */
  const [refused, setRefused] = useState<{ id: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const national = jurisdiction === 'REGIONAL' ? '' : ` ${jurisdiction.toLowerCase()}`;
  const suggested = title.es.trim()
    ? uniqueKebab(`${title.es}${national}`, [...taken.published, ...taken.drafts], 'protocolo')
    : '';
  const id = typedId ?? suggested;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = {
      ...newProtocolProblems({ id, title }, taken),
      ...(population ? {} : { population: 'population-missing' as const }),
    };
    setProblems(found);
    setRefused(null);
    if (Object.keys(found).length > 0 || !population) return;
    setBusy(true);
    try {
      await onCreate({ id, title: { es: title.es.trim(), en: title.en.trim() }, population, jurisdiction });
    } catch (err) {
      const key = err instanceof ApiError ? SERVER_ID_ERRORS[err.code] : undefined;
      if (key) setRefused({ id: true, text: t(key, { id }) });
      else
        setRefused({
          id: false,
          text:
            err instanceof ApiError
              ? describeError(err, tApp)
              : err instanceof Error
                ? err.message
                : String(err),
        });
      setBusy(false);
    }
  };

  const error = (field: keyof typeof problems, text: string | undefined) =>
    text ? (
      <p id={`new-protocol-${field}-error`} className="dz-danger" role="alert">
        {text}
      </p>
    ) : null;
  const idError = problems.id
    ? t(`newProtocol.errors.${problems.id}`, { id, max: MAX_PROTOCOL_ID })
    : refused?.id
      ? refused.text
      : undefined;
  const titleMissing = [
    problems.titleEs && t('newProtocol.errors.title-es'),
    problems.titleEn && t('newProtocol.errors.title-en'),
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <form
      className="dz-panel dz-card dz-new-protocol"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="new-protocol-heading"
      data-testid="new-protocol-form"
    >
      <h2 id="new-protocol-heading">{t('newProtocol.heading')}</h2>
      <p className="dz-hint">{t('newProtocol.intro')}</p>
      <TextPair
        name="new-protocol-title"
        label={t('newProtocol.title')}
        value={title}
        required
        missing="never"
        onChange={setTitle}
      />
      {error('titleEs', titleMissing || undefined)}
      <label>
        {t('newProtocol.id')}
        <input
          name="new-protocol-id"
          value={id}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={idError ? true : undefined}
          aria-describedby={idError ? 'new-protocol-id-error' : 'new-protocol-id-hint'}
          onChange={(e) => {
            setTypedId(e.target.value.trim());
            setRefused(null);
          }}
        />
      </label>
      <p id="new-protocol-id-hint" className="dz-hint">
        {t('newProtocol.idHint')}
      </p>
      {error('id', idError)}
      <fieldset aria-describedby={problems.population ? 'new-protocol-population-error' : undefined}>
        <legend>{t('newProtocol.population')}</legend>
        {POPULATIONS.map((p) => (
          <label key={p} className="dz-check">
            <input
              type="radio"
              name="new-protocol-population"
              value={p}
              checked={population === p}
              onChange={() => setPopulation(p)}
            />
            {t(`newProtocol.populations.${p}`)}
          </label>
        ))}
      </fieldset>
      {error('population', problems.population && t('newProtocol.errors.population-missing'))}
      <dl className="dz-facts">
        <dt>{t('newProtocol.jurisdiction')}</dt>
        <dd data-testid="new-protocol-jurisdiction">
          {jurisdiction === 'REGIONAL'
            ? t('newProtocol.regional')
            : t('newProtocol.national', { country: t(`countries.${jurisdiction}`) })}
        </dd>
      </dl>
      {refused && !refused.id && (
        <p className="dz-error" role="alert" data-testid="new-protocol-refused">
          {refused.text}
        </p>
      )}
      <div className="dz-row">
        <button type="submit" name="new-protocol-create" className="dz-primary" disabled={busy}>
          {busy ? t('newProtocol.creating') : t('newProtocol.create')}
        </button>
        <button type="button" name="new-protocol-cancel" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
