import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { anchorFieldsAt, dateTimeFields, problemText } from '@ruta/protocol';
import type { Lang, Problem } from '@ruta/protocol';
import type { DesignDoc } from '../model/DesignDoc.js';
import { anchorChoices } from '../model/anchorChoices.js';
import { anchorLabel } from '../model/anchorLabel.js';
import { anchorProblemsAt } from '../model/anchorPointers.js';
import { stateSpaceOf } from '../model/stateSpaceOf.js';

export interface AnchorSelectProps {
  doc: DesignDoc;
  lang: Lang;
  /** Where the `from` is written (see anchorPointers): what it may count from depends on it. */
  pointer: string;
  /** The field it counts from, "<form id>.<field>"; undefined for the step that starts it. */
  value: string | undefined;
  onChange: (field: string | undefined) => void;
  name: string;
  label: string;
  /** The first choice: counting from the step that starts the deadline or wait. */
  stepLabel: string;
  hint?: string;
  /** The verifier's problems; those about this `from` are shown under it. */
  problems?: readonly Problem[];
  /** In a national variant, the field the base counts from ("<form id>.<field>"), when it has one. */
  baseField?: string | undefined;
}

/**
 * What a deadline, delay or setDeadline action counts from: the step that starts it, or a
 * date-time field of a form recorded on every way to that point, named by form and field.
 */
export function AnchorSelect({
  doc,
  lang,
  pointer,
  value,
  onChange,
  name,
  label,
  stepLabel,
  hint,
  problems = [],
  baseField,
}: AnchorSelectProps) {
  const { t } = useTranslation('designer');
  const fields = useMemo(() => {
    try {
      return anchorFieldsAt(doc, pointer, stateSpaceOf(doc));
    } catch {
      return dateTimeFields(doc);
    }
  }, [doc, pointer]);
  const shown = anchorProblemsAt(problems, pointer);
  const problemId = `${name}-problems`;
  const baseId = `${name}-base`;
  const describedBy = [baseField !== undefined ? baseId : '', shown.length > 0 ? problemId : '']
    .filter((id) => id !== '')
    .join(' ');
  return (
    <div className="dz-anchor">
      <label>
        {label}
        <select
          name={name}
          value={value ?? ''}
          aria-invalid={shown.length > 0 || undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">{stepLabel}</option>
          {anchorChoices(fields, value).map((field) => (
            <option key={field} value={field}>
              {anchorLabel(doc, field, lang)}
            </option>
          ))}
        </select>
        {hint && <span className="dz-hint">{hint}</span>}
      </label>
      {baseField !== undefined && (
        <p className="dz-hint" id={baseId} data-testid="anchor-base">
          {t('anchorBase', { from: anchorLabel(doc, baseField, lang) })}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="dz-anchor-problems" id={problemId} data-testid="anchor-problems">
          {shown.map((p, i) => {
            const { message, hint: fix } = problemText(p, lang);
            return (
              <li key={i} data-code={p.code}>
                {message} {fix}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
