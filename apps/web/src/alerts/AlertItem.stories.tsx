import type { Meta, StoryObj } from '@storybook/react-vite';
import { AlertItem } from './AlertItem.js';

const meta = {
  title: 'Alerts/AlertItem',
  component: AlertItem,
  args: {
    alert: {
      id: '65f1c0ffee0000000000abcd:5:0',
      caseId: '65f1c0ffee0000000000abcd',
      caseCountry: 'MX',
      country: 'GT',
      reason: {
        es: 'Alerta de 24 horas: se detectó a un niño, niña o adolescente de su país, presunta víctima de trata.',
        en: '24-hour alert: a child from your country, a presumed victim of trafficking, has been found.',
      },
      at: '2026-03-10T13:20:00.000Z',
      read: false,
    },
    canOpen: false,
    busy: false,
    onRead: () => undefined,
  },
  decorators: [(Story) => <ul className="alert-list">{Story()}</ul>],
} satisfies Meta<typeof AlertItem>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A Guatemalan child found in Mexico: Guatemala cannot open Mexico's case. */
export const UnreadFromAnotherCountry: Story = {};
/** An overdue alert about a case of the reader's own country, already read. */
export const ReadOwnCase: Story = {
  args: {
    alert: {
      id: '65f1c0ffee0000000000abce:7:0',
      caseId: '65f1c0ffee0000000000abce',
      caseCountry: 'GT',
      country: 'GT',
      reason: {
        es: 'La alerta de 24 horas al país de origen está vencida.',
        en: 'The 24-hour alert to the country of origin is overdue.',
      },
      at: '2026-03-09T08:00:00.000Z',
      read: true,
    },
    canOpen: true,
  },
};
