import type { Meta, StoryObj } from '@storybook/react-vite';
import { childRepatriation } from '../fixtures/childRepatriation.js';
import { HandoverCard } from './HandoverCard.js';

const meta = {
  title: 'Handovers/HandoverCard',
  component: HandoverCard,
  args: {
    protocol: childRepatriation,
    canDecide: true,
    busy: false,
    onAccept: () => {},
    onDecline: () => {},
    handover: {
      id: 'h1',
      caseId: 'MX-2026-0042',
      fromCountry: 'MX',
      toCountry: 'GT',
      note: 'Retorno acordado con la PGN; llega el 2 de abril.',
      packet: {
        protocol: { id: 'child-repatriation', version: 1, jurisdiction: 'REGIONAL' },
        state: 'travel',
        data: {
          'cr-detection': { sex: 'female', ageGroup: '12-17', declaredNationality: 'GT' },
          'cr-risk-assessment': { riskLevel: 'low' },
          // Sensitive and shareable: the server shows it reserved.
          'cr-handover-receipt': { careNeedsAtReception: '[reserved]' },
        },
      },
      packetProblem: null,
      packetHash: 'ab12',
      status: 'pending',
      createdAt: '2026-03-10T12:00:00Z',
      decidedAt: null,
      declineReason: null,
      linkedCaseId: null,
    },
  },
} satisfies Meta<typeof HandoverCard>;
export default meta;
type Story = StoryObj<typeof meta>;

/** What Guatemala's focal point sees: only the shareable data (sensitive values reserved), and accept or decline. */
export const Incoming: Story = {};
export const SentByMe: Story = { args: { canDecide: false } };

/** A packet altered in the database after it was sent: withheld by the server, so decline only. */
export const DamagedPacket: Story = {
  args: {
    handover: { ...meta.args.handover, id: 'h2', packet: null, packetProblem: 'unreadable' },
  },
};
