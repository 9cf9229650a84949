import type { Meta, StoryObj } from '@storybook/react-vite';
import { childForm, childForms } from '../fixtures/childRepatriation.js';
import { shareableFields } from './shareableFields.js';
import { HandoverPanel } from './HandoverPanel.js';

const data = {
  'cr-detection': childForm('cr-detection').examples?.[0] ?? {},
  'cr-verification': childForm('cr-verification').examples?.[0] ?? {},
};

const meta = {
  title: 'Case/HandoverPanel',
  component: HandoverPanel,
  args: {
    caseCountry: 'MX',
    handovers: [],
    preview: shareableFields(data, childForms),
    stages: { allowedHere: true, allowedAt: [] },
    onHandOver: async () => {},
  },
} satisfies Meta<typeof HandoverPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Says which recorded fields would cross the border before anything is sent. */
export const ReadyToHandOver: Story = {};
export const Pending: Story = {
  args: {
    handovers: [
      { id: 'h1', createdAt: '2026-03-10T12:00:00Z', fromCountry: 'MX', toCountry: 'GT', status: 'pending' },
    ],
  },
};

/** At a stage where the protocol does not allow a handover: says where it does. */
export const NotAtThisStage: Story = {
  args: {
    stages: {
      allowedHere: false,
      allowedAt: [
        { es: 'Coordinación entre enlaces', en: 'Coordination between liaisons' },
        { es: 'Coordinación con el tercer país', en: 'Coordination with the third country' },
      ],
    },
  },
};
