import { useTranslation } from 'react-i18next';
import { problemText } from '@ruta/protocol';
import type { InvariantStatus, Lang, Problem } from '@ruta/protocol';
import { pick } from '../i18n/pick.js';
import '../designer.css';

export interface VerifyPanelProps {
  /** null while the first verification runs. */
  problems: Problem[] | null;
  invariants: InvariantStatus[];
  /** The language of the page: problems are shown in it. */
  lang: Lang;
  /** Selects the element a problem is about. */
  onSelectProblem: (problem: Problem) => void;
  /** The verification is for an older version of the draft (a newer one is on its way). */
  stale?: boolean;
}

/**
 * Every problem the static verifier finds, errors first, each in the page's language: the kind of
 * problem, what is wrong (a button that takes the designer to the state, transition or field at
 * fault) and what to do. Then the invariants in force with whether they hold.
 */
export function VerifyPanel({ problems, invariants, lang, onSelectProblem, stale }: VerifyPanelProps) {
  const { t } = useTranslation('designer');
  if (problems === null) return <p role="status">{t('verify.running')}</p>;
  const errors = problems.filter((p) => p.severity !== 'warning');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return (
    <section
      className="dz-panel dz-verify"
      aria-labelledby="dz-verify-heading"
      data-testid="verify-panel"
      aria-busy={stale}
    >
      <h2 id="dz-verify-heading">{t('verify.heading')}</h2>
      <p
        role="status"
        className={errors.length ? 'dz-verdict is-failing' : 'dz-verdict is-passing'}
        data-verdict={errors.length ? 'fail' : 'pass'}
      >
        {errors.length ? t('verify.failing', { count: errors.length }) : t('verify.passing')}
        {warnings.length > 0 && ` ${t('verify.warnings', { count: warnings.length })}`}
      </p>
      {[...errors, ...warnings].length > 0 && (
        <ul className="dz-problems">
          {[...errors, ...warnings].map((p, i) => {
            const { message, hint } = problemText(p, lang);
            return (
              <li
                key={`${p.code}-${p.location.pointer}-${i}`}
                className={p.severity === 'warning' ? 'is-warning' : 'is-error'}
                data-code={p.code}
              >
                <button type="button" className="dz-problem" onClick={() => onSelectProblem(p)}>
                  <span className="dz-problem-kind">
                    {p.severity === 'warning' ? t('verify.warning') : t('verify.error')}
                    {t(`problems.${p.code}`, { defaultValue: '' }) !== '' && `: ${t(`problems.${p.code}`)}`}
                  </span>{' '}
                  <span className="dz-problem-message">{message}</span>
                </button>
                {hint && <p className="dz-hint">{hint}</p>}
              </li>
            );
          })}
        </ul>
      )}
      <h3>{t('verify.invariants')}</h3>
      {invariants.length === 0 ? (
        <p className="dz-hint">{t('verify.noInvariants')}</p>
      ) : (
        <ul className="dz-invariants">
          {invariants.map((inv) => (
            <li key={inv.id} className={inv.ok ? 'is-pass' : 'is-fail'} data-invariant={inv.id}>
              <span aria-hidden="true">{inv.ok ? '✔' : '✘'}</span>{' '}
              <strong>{inv.ok ? t('verify.holds') : t('verify.broken')}</strong> {pick(inv.description, lang)}{' '}
              <code>{inv.id}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
