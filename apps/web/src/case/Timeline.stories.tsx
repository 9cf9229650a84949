import type { Meta, StoryObj } from '@storybook/react-vite';
import { childRepatriation } from '../fixtures/childRepatriation.js';
import { protectionHistory } from '../fixtures/caseFixtures.js';
import { Timeline } from './Timeline.js';

const meta = {
  title: 'Case/Timeline',
  component: Timeline,
  args: { protocol: childRepatriation, history: protectionHistory },
} satisfies Meta<typeof Timeline>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ProtectionStage: Story = {};

export const JustOpened: Story = { args: { history: protectionHistory.slice(0, 1) } };

export const WithTimerAndSystem: Story = {
  args: {
    history: [
      ...protectionHistory,
      {
        ...protectionHistory[3]!,
        seq: 4,
        id: 'ev4',
        kind: 'timer',
        type: 'xstate.after.consularDeadline',
        at: '2026-03-10T14:00:00Z',
        actor: { userId: 'system', role: 'system', country: 'MX' },
      },
    ],
  },
};

export const Empty: Story = { args: { history: [] } };
