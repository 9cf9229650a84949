import { useEffect, useRef, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type Form from '@rjsf/core';
import { childForm, childForms } from '../fixtures/childRepatriation.js';
import { StepForm, type StepFormData } from './StepForm.js';

/** A step form with its own state, as the case page holds it; `check` validates on mount. */
function Harness({
  formId,
  initial = {},
  check = false,
  idPrefix = 'story',
}: {
  formId: string;
  initial?: StepFormData;
  check?: boolean;
  idPrefix?: string;
}) {
  const [data, setData] = useState<StepFormData>(initial);
  const ref = useRef<Form | null>(null);
  useEffect(() => {
    // After rjsf has applied the schema's defaults, as when a worker presses an action.
    if (!check) return;
    const id = requestAnimationFrame(() => ref.current?.validateForm());
    return () => cancelAnimationFrame(id);
  }, [check]);
  return <StepForm form={childForm(formId)} formData={data} onChange={setData} idPrefix={idPrefix} formRef={ref} />;
}

const meta = {
  title: 'Forms/StepForm',
  component: Harness,
  args: { formId: 'cr-detection' },
  argTypes: { formId: { control: 'select', options: Object.keys(childForms).sort() } },
} satisfies Meta<typeof Harness>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The first form of child repatriation: detection and screening. */
export const Detection: Story = {};

/** Submitted empty: every required field says so, the summary links to each. */
export const DetectionMissingFields: Story = { args: { check: true } };

/** The decision, filled in with the form's first shipped example. */
export const DecisionFilled: Story = {
  args: { formId: 'cr-decision', initial: (childForm('cr-decision').examples?.[0] ?? {}) as StepFormData },
};

export const ShelterAndHealth: Story = { args: { formId: 'cr-shelter-health' } };

export const BestInterest: Story = { args: { formId: 'cr-best-interest' } };

/** Every shipped form of the protocol, one after the other. */
export const EveryShippedForm: StoryObj<typeof meta> = {
  render: () => (
    <div>
      {Object.keys(childForms)
        .sort()
        .map((id) => (
          <section key={id} style={{ borderBottom: '2px solid #ccc', marginBottom: '1.5rem' }}>
            <Harness formId={id} idPrefix={id.replace(/-/g, '_')} initial={(childForm(id).examples?.[0] ?? {}) as StepFormData} />
          </section>
        ))}
    </div>
  ),
};
