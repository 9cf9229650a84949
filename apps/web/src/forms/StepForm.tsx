import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { localizeForm, RJSF_DEFAULT_FORM_STATE_BEHAVIOR, type FormDefinition } from '@ruta/protocol';
import { useLang } from '../i18n/useLang.js';
import { FormErrorSummary, type StepFormContext } from './FormErrorSummary.js';
import { GroupFieldTemplate } from './GroupFieldTemplate.js';
import { localizeErrors } from './localizeErrors.js';
import { markSensitive } from './markSensitive.js';
import { protocolValidator } from './protocolValidator.js';
import { useInvalidMarkers } from './useInvalidMarkers.js';
import { submissionCheck } from './validateSubmission.js';
import { withPastDates } from './withPastDates.js';

export type StepFormData = Record<string, unknown>;

/**
 * No answer the worker did not give: beyond @ruta/protocol's setting (no first choice picked),
 * a required yes/no question is not pre-answered "No" (rjsf's default), and an attestation whose
 * schema demands `true` (const) is not pre-ticked. "Is the child in immediate danger?" must be
 * answered, not defaulted.
 */
const DEFAULT_FORM_STATE = {
  ...RJSF_DEFAULT_FORM_STATE_BEHAVIOR,
  constAsDefaults: 'never',
  requiredBooleanDefault: 'skip',
} as const;

export interface StepFormProps {
  form: FormDefinition;
  formData: StepFormData;
  onChange: (data: StepFormData) => void;
  /** Errors the server found (engine reasons on 422), shown under their fields. */
  extraErrors?: ErrorSchema;
  /** Id prefix of the fields; unique per form on the page. */
  idPrefix: string;
  formRef?: Ref<Form>;
  disabled?: boolean;
}

/**
 * The form of a step, rendered by rjsf from the protocol's JSON Schema, in the UI language:
 * labels, help, choices and validation messages. It has no submit button of its own: the action
 * buttons below it validate it and send it.
 */
export function StepForm({ form, formData, onChange, extraErrors, idPrefix, formRef, disabled }: StepFormProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { schema, uiSchema } = useMemo(() => {
    const localized = localizeForm(form, lang);
    return {
      schema: localized.schema as RJSFSchema,
      uiSchema: markSensitive(localized.uiSchema, t('form.sensitiveNote')) as UiSchema,
    };
  }, [form, lang, t]);
  // The server's schema and verdicts, checked without eval (the CSP forbids it): see submissionCheck.
  // Dates of what happened are checked against the clock too, as the server checks them.
  const validator = useMemo(
    () => protocolValidator(withPastDates(submissionCheck(form), form, () => Date.now())),
    [form],
  );
  const container = useRef<HTMLDivElement>(null);
  useInvalidMarkers(container);

  // Re-check in the new language when the language changes while errors are on screen.
  const [shownErrors, setShownErrors] = useState(false);
  const lastLang = useRef(lang);
  const innerRef = useRef<Form | null>(null);
  useEffect(() => {
    if (lastLang.current !== lang && shownErrors) innerRef.current?.validateForm();
    lastLang.current = lang;
  }, [lang, shownErrors]);

  const setRefs = (instance: Form | null) => {
    innerRef.current = instance;
    if (typeof formRef === 'function') formRef(instance);
    else if (formRef && typeof formRef === 'object') (formRef as { current: Form | null }).current = instance;
  };

  const context: StepFormContext = { idPrefix };
  return (
    <div className="step-form" ref={container}>
      <Form
        ref={setRefs}
        schema={schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={validator}
        idPrefix={idPrefix}
        formContext={context}
        onChange={(e) => onChange((e.formData ?? {}) as StepFormData)}
        onError={() => setShownErrors(true)}
        transformErrors={(errors) => localizeErrors(errors, t)}
        extraErrors={extraErrors}
        templates={{ ErrorListTemplate: FormErrorSummary, FieldTemplate: GroupFieldTemplate }}
        experimental_defaultFormStateBehavior={DEFAULT_FORM_STATE}
        focusOnFirstError
        noHtml5Validate
        // A shared computer must not offer one victim's answers while typing another's case.
        autoComplete="off"
        showErrorList="top"
        disabled={disabled}
        translateString={(s, params) => translateRjsf(s, params, t)}
      >
        <></>
      </Form>
    </div>
  );
}

/** rjsf's own strings (array buttons, yes/no) in the UI language. */
function translateRjsf(s: string, params: string[] | undefined, t: (k: string, o?: Record<string, unknown>) => string) {
  const key = `rjsf.${s}`;
  const text = t(key, { defaultValue: s });
  return (params ?? []).reduce((acc, p, i) => acc.replace(`%${i + 1}`, p), text);
}
