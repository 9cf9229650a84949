import { Component, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '@ruta/protocol';
import { StepForm } from '../../forms/StepForm.js';
import '../designer.css';

export interface FormPreviewProps {
  form: FormDefinition;
  /** Keeps the filled-in data as a sample submission of the form. */
  onKeepExample?: (data: Record<string, unknown>) => void;
}

/**
 * The form exactly as case workers see it (the case area's renderer: rjsf with Ajv, in the UI
 * language), live as the designer edits it. Starts from the form's first sample submission.
 */
export function FormPreview({ form, onKeepExample }: FormPreviewProps) {
  const { t } = useTranslation('designer');
  const [example, setExample] = useState(0);
  const [data, setData] = useState<Record<string, unknown>>(() => ({ ...(form.examples?.[0] ?? {}) }));
  useEffect(() => {
    setData({ ...(form.examples?.[example] ?? {}) });
    // A new sample or another form starts a fresh preview; field edits keep what was typed.
  }, [form.id, example, form.examples]);
  return (
    <section className="dz-preview" aria-label={t('form.preview')} data-testid="form-preview">
      <h3>{t('form.preview')}</h3>
      {(form.examples?.length ?? 0) > 0 && (
        <label>
          {t('form.startFrom')}
          <select value={example} onChange={(e) => setExample(Number(e.target.value))}>
            {form.examples!.map((_, i) => (
              <option key={i} value={i}>
                {t('form.example', { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
      )}
      <PreviewBoundary resetWith={form}>
        <StepForm form={form} formData={data} onChange={setData} idPrefix={`preview-${form.id}`} />
      </PreviewBoundary>
      {onKeepExample && (
        <button type="button" onClick={() => onKeepExample(data)}>
          {t('form.keepExample')}
        </button>
      )}
    </section>
  );
}

/** A schema the renderer cannot draw (mid-edit) shows a message instead of breaking the editor. */
class PreviewBoundary extends Component<
  { children: ReactNode; resetWith: unknown },
  { error: string | null }
> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override componentDidUpdate(prev: { resetWith: unknown }) {
    if (prev.resetWith !== this.props.resetWith && this.state.error) this.setState({ error: null });
  }
  override render() {
    if (this.state.error)
      return (
        <p className="dz-error" role="alert">
          {this.state.error}
        </p>
      );
    return this.props.children;
  }
}
