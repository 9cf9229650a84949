import type { ErrorListProps, RJSFValidationError } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { fieldAt, propertySegments } from './fieldAt.js';

export interface StepFormContext {
  idPrefix: string;
}

/**
 * rjsf's ErrorListTemplate: a summary at the top of the form, announced when it appears, with a
 * link per problem that moves focus to the field (the pattern of the GOV.UK error summary).
 */
export function FormErrorSummary({ errors, schema, registry }: ErrorListProps) {
  const { t } = useTranslation();
  const { idPrefix } = (registry.formContext ?? { idPrefix: 'root' }) as StepFormContext;
  const label = (e: RJSFValidationError) => {
    const segs = propertySegments(e.property);
    // The label from the schema shown now, before the error's own title: errors re-checked right
    // after a language switch still carry the previous language's titles.
    const title = (fieldAt(schema, segs)?.title as string | undefined) || e.title || segs[segs.length - 1] || '';
    return title ? `${title}: ${e.message ?? ''}` : (e.message ?? e.stack);
  };
  const focus = (e: RJSFValidationError) => {
    const id = [idPrefix, ...propertySegments(e.property)].join('_');
    const el =
      document.getElementById(id) ?? document.querySelector<HTMLElement>(`[id^="${CSS.escape(id)}-"]`);
    el?.focus();
  };
  return (
    <div className="error-summary" role="alert" aria-labelledby={`${idPrefix}-errors-title`}>
      <h3 id={`${idPrefix}-errors-title`} className="error-summary-title">
        {t('form.errorsTitle', { count: errors.length })}
      </h3>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.property ?? ''}-${i}`}>
            <a
              href={`#${[idPrefix, ...propertySegments(e.property)].join('_')}`}
              onClick={(ev) => {
                ev.preventDefault();
                focus(e);
              }}
            >
              {label(e)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
