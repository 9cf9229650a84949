import { useTranslation } from 'react-i18next';
import type { FormDefinition, Text } from '@ruta/protocol';
import { fieldAt } from '../forms/fieldAt.js';
import { formOrder } from '../forms/formOrder.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { useLang } from '../i18n/useLang.js';
import { formatValue, RESERVED } from './formatValue.js';
import { SensitiveValue } from './SensitiveValue.js';

/** How often the history recorded a form, and when last. */
export interface FormRecords {
  count: number;
  lastAt: string;
}

export interface RecordedDataProps {
  /** The case's recorded forms, keyed by form id (sensitive values arrive as "[reserved]"). */
  data: Record<string, unknown>;
  forms: Record<string, FormDefinition>;
  reveal: (form: string, field: string, reason: string) => Promise<unknown>;
  /** By form id, from the history: a form recorded more than once says where the earlier ones are. */
  records?: Record<string, FormRecords>;
}

/** What has been recorded so far, form by form, with reserved values hidden until revealed. */
export function RecordedData({ data, forms, reveal, records = {} }: RecordedDataProps) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const entries = Object.entries(data).filter(([, v]) => typeof v === 'object' && v !== null);
  if (entries.length === 0) return <p className="empty">{t('record.empty')}</p>;
  return (
    <div className="record">
      {entries.map(([formId, values]) => {
        const form = forms[formId];
        const times = records[formId];
        return (
          <details key={formId} className="record-form">
            <summary>
              {form ? pick(form.title) : formId}
              {times && times.count > 1 ? (
                <span className="record-count"> {t('record.times', { count: times.count })}</span>
              ) : null}
            </summary>
            {times && times.count > 1 ? (
              <p className="record-earlier">
                {t('record.earlierInHistory', {
                  count: times.count,
                  date: formatDateTime(times.lastAt, lang),
                })}
              </p>
            ) : null}
            <RecordedFields
              formId={formId}
              form={form ?? null}
              values={values as Record<string, unknown>}
              reveal={(field, reason) => reveal(formId, field, reason)}
            />
          </details>
        );
      })}
    </div>
  );
}

/**
 * One recorded form's answers, labelled as in the form. Without `reveal` (an earlier record, read
 * from the history) a reserved value stays reserved: only the case's latest value can be shown.
 */
export function RecordedFields({
  formId,
  form,
  values,
  reveal,
}: {
  formId: string;
  form: FormDefinition | null;
  values: Record<string, unknown>;
  reveal?: (field: string, reason: string) => Promise<unknown>;
}) {
  return (
    <Fields
      formId={formId}
      schema={form?.schema ?? null}
      uiSchema={form?.uiSchema ?? null}
      values={values}
      prefix={[]}
      reveal={reveal}
    />
  );
}

function Fields({
  formId,
  schema,
  uiSchema,
  values,
  prefix,
  reveal,
}: {
  formId: string;
  schema: unknown;
  uiSchema: unknown;
  values: Record<string, unknown>;
  prefix: string[];
  reveal?: (field: string, reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  return (
    <dl className="record-fields">
      {formOrder(Object.keys(values), schema, uiSchema, prefix).map((key) => {
        const value = values[key];
        const path = [...prefix, key];
        const field = fieldAt(schema, path);
        const label = pick(field?.['x-label'] as Text | undefined) || key;
        const sensitive = value === RESERVED || field?.['x-sensitive'] === true;
        const nested = !sensitive && typeof value === 'object' && value !== null && !Array.isArray(value);
        return (
          <div key={key} className="record-field">
            <dt>{label}</dt>
            <dd>
              {sensitive && reveal ? (
                <SensitiveValue
                  fieldLabel={label}
                  reveal={(reason) => reveal(path.join('.'), reason)}
                  render={(v) => formatValue(v, field, lang, t)}
                />
              ) : sensitive ? (
                <span className="sensitive">
                  <span className="sensitive-mask">{t('reveal.reserved')}</span>
                </span>
              ) : nested ? (
                <Fields
                  formId={formId}
                  schema={schema}
                  uiSchema={uiSchema}
                  values={value as Record<string, unknown>}
                  prefix={path}
                  reveal={reveal}
                />
              ) : (
                formatValue(value, field, lang, t)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
