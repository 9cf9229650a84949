import { useTranslation } from 'react-i18next';
import type { LegalRef } from '@ruta/protocol';

const SEEDS: LegalRef['seed'][] = ['000', '001', '002', '003', '004'];

/**
 * The seed clauses (and national laws) a state implements: what lets an auditor trace it. The
 * same editor lists the clauses that allow a handover, with its own legend, empty hint and input
 * names (`<name>-seed-0`, ...), so both lists can sit in one panel.
 */
export function LegalRefsEditor({
  value,
  onChange,
  legend,
  emptyHint,
  addLabel,
  name = 'legal',
}: {
  value: LegalRef[];
  onChange: (refs: LegalRef[]) => void;
  legend?: string;
  emptyHint?: string;
  addLabel?: string;
  name?: string;
}) {
  const { t } = useTranslation('designer');
  const set = (i: number, patch: Partial<LegalRef>) =>
    onChange(value.map((r, j) => (j === i ? clean({ ...r, ...patch }) : r)));
  return (
    <fieldset className="dz-legal">
      <legend>{legend ?? t('state.legal')}</legend>
      {value.length === 0 && <p className="dz-hint">{emptyHint ?? t('state.legalNone')}</p>}
      {value.map((ref, i) => (
        <div key={i} className="dz-legal-row">
          <label>
            {t('state.seed')}
            <select
              name={`${name}-seed-${i}`}
              value={ref.seed}
              onChange={(e) => set(i, { seed: e.target.value as LegalRef['seed'] })}
            >
              {SEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('state.clause')}
            <input
              name={`${name}-clause-${i}`}
              value={ref.clause}
              onChange={(e) => set(i, { clause: e.target.value })}
              size={6}
            />
          </label>
          <label>
            {t('state.law')}
            <input
              name={`${name}-law-${i}`}
              value={ref.law ?? ''}
              onChange={(e) => set(i, { law: e.target.value })}
            />
          </label>
          <button
            type="button"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t('common.remove')}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        name={`${name}-add`}
        onClick={() => onChange([...value, { seed: '002', clause: '' }])}
      >
        {addLabel ?? t('state.addLegal')}
      </button>
    </fieldset>
  );
}

function clean(r: LegalRef): LegalRef {
  const out: LegalRef = { ...r };
  if (!out.law) delete out.law;
  return out;
}
