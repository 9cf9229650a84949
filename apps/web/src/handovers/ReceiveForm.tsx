import { useEffect, useRef, useState } from 'react';
import type Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '@ruta/protocol';
import { StepForm, type StepFormData } from '../forms/StepForm.js';

/**
 * The receiving country's intake form of a handover, filled in from the packet where it can be,
 * for the focal point to complete what the packet does not carry (arrival date, port of entry...).
 * Focus moves to what it asks for when it opens (the form's title follows), and to the first
 * field the server refused when a refusal comes back, so a keyboard user lands where the work is.
 */
export function ReceiveForm({
  form,
  initial,
  serverErrors,
  busy,
  idPrefix,
  onSubmit,
  onCancel,
}: {
  form: FormDefinition;
  initial: StepFormData;
  serverErrors: ErrorSchema;
  busy: boolean;
  idPrefix: string;
  onSubmit: (data: StepFormData) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [data, setData] = useState<StepFormData>(initial);
  const ref = useRef<Form | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const introRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    introRef.current?.focus();
  }, []);
  useEffect(() => {
    if (Object.keys(serverErrors).length === 0) return;
    // After rjsf has drawn the errors and useInvalidMarkers has marked their fields.
    const frame = requestAnimationFrame(() => {
      const invalid = container.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? introRef.current)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [serverErrors]);
  return (
    <div className="receive-form" ref={container}>
      <p className="alert alert-info" id={`${idPrefix}-intro`} ref={introRef} tabIndex={-1}>
        {t('handovers.completeToReceive')}
      </p>
      <StepForm
        form={form}
        formData={data}
        onChange={setData}
        extraErrors={serverErrors}
        idPrefix={idPrefix}
        formRef={ref}
        disabled={busy}
      />
      <div className="button-row">
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => {
            if (ref.current && !ref.current.validateForm()) return;
            onSubmit(data);
          }}
        >
          {t('handovers.receive')}
        </button>
      </div>
    </div>
  );
}
