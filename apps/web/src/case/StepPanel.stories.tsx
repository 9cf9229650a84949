import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { AvailableAction } from '@ruta/engine';
import { childForm } from '../fixtures/childRepatriation.js';
import { StepPanel } from './StepPanel.js';
import type { StepFormData } from '../forms/StepForm.js';

const state = {
  path: 'identification.protection.alert.pending',
  title: { es: 'Alertar al país de origen', en: 'Alert the country of origin' },
  form: 'cr-alert',
  legal: [],
};

const alertSent = (ok: boolean): AvailableAction => ({
  event: 'ALERT_SENT',
  title: { es: 'Registrar alerta enviada', en: 'Record alert sent' },
  form: 'cr-alert',
  ok,
  reasons: ok
    ? []
    : [{ code: 'role-not-allowed', message: '', role: 'caseworker', allowed: ['focalpoint', 'supervisor'] }],
});

/** The panel with its form's state held as the case page holds it. */
function Harness({ action }: { action: AvailableAction }) {
  const [data, setData] = useState<StepFormData>({});
  return (
    <StepPanel
      index={0}
      state={state}
      form={childForm('cr-alert')}
      actions={[action]}
      formData={data}
      onFormChange={setData}
      busy={null}
      onAct={() => {}}
    />
  );
}

const meta = {
  title: 'Case/StepPanel',
  component: Harness,
  args: { action: alertSent(true) },
} satisfies Meta<typeof Harness>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The 24-hour alert for a focal point: the form to fill in and send. */
export const MaySend: Story = {};
/** The same step for a case worker: who records it, and no form to fill in for nothing. */
export const RoleMayNotSend: Story = { args: { action: alertSent(false) } };
