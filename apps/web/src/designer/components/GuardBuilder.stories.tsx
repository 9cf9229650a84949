import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { JsonLogic } from '@ruta/protocol';
import { GuardBuilder } from './GuardBuilder.js';
import { guardFields } from '../model/guardFields.js';
import { shippedProtocol } from '../fixtures/shippedProtocols.js';
import { registerDesignerTexts } from '../i18n/registerDesignerTexts.js';
import type { TransitionRef } from '../model/DesignDoc.js';

registerDesignerTexts();
const voluntaryReturn = shippedProtocol('voluntary-return@1');

function Harness({ logic, transition }: { logic: JsonLogic | null; transition: TransitionRef }) {
  const [current, setCurrent] = useState(logic);
  return (
    <>
      <GuardBuilder
        logic={current}
        fields={guardFields(voluntaryReturn, transition)}
        lang="es"
        onChange={setCurrent}
      />
      <h4>JSON Logic</h4>
      <pre data-testid="logic">{JSON.stringify(current)}</pre>
    </>
  );
}

const meta = {
  title: 'Designer/GuardBuilder',
  component: Harness,
  args: {
    logic: voluntaryReturn.guards.consentGiven!.logic,
    transition: { source: 'preparation.consent', event: 'CONSENT_RECORDED', index: 0 },
  },
} satisfies Meta<typeof Harness>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The shipped "consentGiven" guard, read back into the builder: two rules joined by "all". */
export const ConsentGiven: Story = {};

/** A new guard on the risk assessment: fields of that form first, operators by field kind. */
export const NewOnRiskAssessment: Story = {
  args: {
    logic: null,
    transition: { source: 'preparation.riskAssessment', event: 'RISK_ASSESSED', index: 0 },
  },
};

/** Logic not made by the builder is shown read-only, with an offer to replace it. */
export const HandWritten: Story = { args: { logic: { '+': [1, { var: 'form.x' }] } } };
