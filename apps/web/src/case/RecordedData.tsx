import { useTranslation } from 'react-i18next';
import type { FormDefinition, Text } from '@ruta/protocol';
import { fieldAt } from '../forms/fieldAt.js';
import { useLang } from '../i18n/useLang.js';
import { formatValue, RESERVED } from './formatValue.js';
import { SensitiveValue } from './SensitiveValue.js';

export interface RecordedDataProps {
  /** The case's recorded forms, keyed by form id (sensitive values arrive as "[reserved]"). */
  data: Record<string, unknown>;
  forms: Record<string, FormDefinition>;
  reveal: (form: string, field: string, reason: string) => Promise<unknown>;
}

/** What has been recorded so far, form by form, with reserved values hidden until revealed. */
export function RecordedData({ data, forms, reveal }: RecordedDataProps) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const entries = Object.entries(data).filter(([, v]) => typeof v === 'object' && v !== null);
  if (entries.length === 0) return <p className="empty">{t('record.empty')}</p>;
  return (
    <div className="record">
      {entries.map(([formId, values]) => {
        const form = forms[formId];
        return (
          <details key={formId} className="record-form">
            <summary>{form ? pick(form.title) : formId}</summary>
            <Fields
              formId={formId}
              schema={form?.schema ?? null}
              values={values as Record<string, unknown>}
              prefix={[]}
              reveal={reveal}
            />
          </details>
        );
      })}
    </div>
  );
}

function Fields({
  formId,
  schema,
  values,
  prefix,
  reveal,
}: {
  formId: string;
  schema: unknown;
  values: Record<string, unknown>;
  prefix: string[];
  reveal: RecordedDataProps['reveal'];
}) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  return (
    <dl className="record-fields">
      {Object.entries(values).map(([key, value]) => {
        const path = [...prefix, key];
        const field = fieldAt(schema, path);
        const label = pick(field?.['x-label'] as Text | undefined) || key;
        const sensitive = value === RESERVED || field?.['x-sensitive'] === true;
        const nested = !sensitive && typeof value === 'object' && value !== null && !Array.isArray(value);
        return (
          <div key={key} className="record-field">
            <dt>{label}</dt>
            <dd>
              {sensitive ? (
                <SensitiveValue
                  fieldLabel={label}
                  reveal={(reason) => reveal(formId, path.join('.'), reason)}
                  render={(v) => formatValue(v, field, lang, t)}
                />
              ) : nested ? (
                <Fields
                  formId={formId}
                  schema={schema}
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
