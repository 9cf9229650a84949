import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type Country, type Text } from '@ruta/protocol';
import type { CaseHandoverRef } from '../api/types.js';
import { useLang } from '../i18n/useLang.js';
import { describeError } from '../ui/ErrorMessage.js';
import { CountryOptions } from '../ui/Options.js';

export interface HandoverPanelProps {
  caseCountry: Country;
  handovers: CaseHandoverRef[];
  /** What the packet would carry (x-shareable fields), per form. */
  preview: { form: Text; fields: Text[] }[];
  disabled?: boolean;
  /**
   * Where the protocol allows a handover by hand: whether the case's stage does, and the titles of
   * the stages that do (meta.handover). Elsewhere the form is not shown; the panel says where.
   */
  stages: { allowedHere: boolean; allowedAt: Text[] };
  onHandOver: (toCountry: Country, note: string) => Promise<void>;
}

/**
 * Hands the case over to another country's focal point (seed 003 §9.3), at the stages its
 * protocol allows. Only the fields marked shareable cross the border (seed 004 §F.2); the form
 * says which before anything is sent.
 */
export function HandoverPanel({
  caseCountry,
  handovers,
  preview,
  disabled,
  stages,
  onHandOver,
}: HandoverPanelProps) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const id = useId();
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<{ field: 'to' | 'note' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!to) return setProblem({ field: 'to', text: t('handover.pickCountry') });
    if (!note.trim()) return setProblem({ field: 'note', text: t('handover.noteRequired') });
    setProblem(null);
    setBusy(true);
    try {
      await onHandOver(to as Country, note.trim());
      setDone(t('handover.sent', { country: t(`countries.${to}`) }));
      setTo('');
      setNote('');
    } catch (err) {
      setProblem({ field: null, text: describeError(err, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="handover">
      {handovers.length > 0 ? (
        <ul className="handover-list">
          {handovers.map((h) => (
            <li key={h.id}>
              {t('handover.item', {
                from: t(`countries.${h.fromCountry}`),
                to: t(`countries.${h.toCountry}`),
              })}{' '}
              <span className={`badge badge-${h.status}`}>{t(`handover.status.${h.status}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {disabled ? null : !stages.allowedHere ? (
        <p className="hint handover-not-here">
          {stages.allowedAt.length === 0
            ? t('handover.atNoStage')
            : t('handover.notAtThisStage', {
                stages: stages.allowedAt.map((s) => t('handover.stageName', { title: pick(s) })).join(', '),
              })}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
          <h3 id={`${id}-title`}>{t('handover.title')}</h3>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('handover.to')}</label>
            <select
              id={`${id}-to`}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={problem?.field === 'to' ? true : undefined}
              aria-describedby={problem?.field === 'to' ? `${id}-problem` : undefined}
              disabled={disabled}
            >
              <option value="">{t('handover.choose')}</option>
              <CountryOptions countries={COUNTRIES.filter((c) => c !== caseCountry)} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('handover.note')}</label>
            <textarea
              id={`${id}-note`}
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-invalid={problem?.field === 'note' ? true : undefined}
              aria-describedby={`${id}-shared${problem?.field === 'note' ? ` ${id}-problem` : ''}`}
              disabled={disabled}
            />
          </div>
          <div id={`${id}-shared`} className="hint">
            {preview.length === 0 ? (
              t('handover.sharesNothing')
            ) : (
              <>
                {t('handover.sharesOnly')}
                <ul>
                  {preview.map((p) => (
                    <li key={pick(p.form)}>
                      {pick(p.form)}: {p.fields.map((f) => pick(f)).join(', ')}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          {problem ? (
            <p id={`${id}-problem`} className="field-error" role="alert">
              {problem.text}
            </p>
          ) : null}
          <p role="status" className={done ? 'alert alert-ok' : 'visually-hidden'}>
            {done}
          </p>
          <button type="submit" className="btn btn-primary" disabled={busy || disabled}>
            {t('handover.submit')}
          </button>
        </form>
      )}
      {disabled && handovers.length === 0 ? <p className="empty">{t('handover.none')}</p> : null}
    </div>
  );
}
