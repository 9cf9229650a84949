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

/** Two follow-up visits: each step opens to the answers it recorded, reserved ones kept reserved. */
export const WithRecordedForms: Story = {
  args: {
    history: [1, 2].map((n) => ({
      ...protectionHistory[3]!,
      seq: 10 + n,
      id: `visit${n}`,
      type: 'VISIT_RECORDED',
      at: `2026-0${5 + n}-15T16:00:00Z`,
      from: { followUp: 'visit' },
      to: { followUp: 'visit' },
      data: {
        visitDate: `2026-0${5 + n}-15`,
        visitType: n === 1 ? 'home' : 'school',
        situation: '[reserved]',
        warningSigns: n === 1 ? ['new-threats'] : [],
        recommendation: 'continue',
      },
    })),
  },
};

export const Empty: Story = { args: { history: [] } };
