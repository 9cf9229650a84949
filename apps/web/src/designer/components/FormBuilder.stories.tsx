import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { FormBuilder } from './FormBuilder.js';
import { FormPreview } from './FormPreview.js';
import { EditorHarness } from '../fixtures/EditorHarness.js';
import { shippedProtocol } from '../fixtures/shippedProtocols.js';

const voluntaryReturn = shippedProtocol('voluntary-return@1');

function Harness({ formId, field, readOnly }: { formId: string; field: string | null; readOnly?: boolean }) {
  const [selected, setSelected] = useState(field);
  return (
    <EditorHarness doc={voluntaryReturn}>
      {(editor) => (
        <FormBuilder
          doc={editor.doc}
          formId={formId}
          lang="es"
          apply={editor.apply}
          field={selected}
          onSelectField={setSelected}
          readOnly={readOnly}
        />
      )}
    </EditorHarness>
  );
}

const meta = {
  title: 'Designer/FormBuilder',
  component: Harness,
  args: { formId: 'vr-consent', field: 'decision' },
} satisfies Meta<typeof Harness>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The consent form with the decision field selected, and its live preview. */
export const Consent: Story = {};

/** The risk assessment: mitigation measures are required when the risk is medium or high. */
export const RiskAssessment: Story = { args: { formId: 'vr-risk-assessment', field: 'mitigationMeasures' } };

/** A regional draft shows shared forms without changing them. */
export const ReadOnly: Story = { args: { readOnly: true } };

export const PreviewOnly: StoryObj<typeof FormPreview> = {
  render: () => <FormPreview form={voluntaryReturn.forms['vr-travel-documents']!} />,
};
