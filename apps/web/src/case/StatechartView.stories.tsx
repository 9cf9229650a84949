import type { Meta, StoryObj } from '@storybook/react-vite';
import { childRepatriation } from '../fixtures/childRepatriation.js';
import { protectionHistory, protectionValue } from '../fixtures/caseFixtures.js';
import { StatechartView } from './StatechartView.js';
import { stateValueToPaths, visitedPaths } from './statePaths.js';

const meta = {
  title: 'Case/StatechartView',
  component: StatechartView,
  args: { machine: childRepatriation.machine, active: ['intake'], visited: ['intake'] },
  decorators: [(Story) => <div style={{ maxWidth: 380 }}>{Story()}</div>],
} satisfies Meta<typeof StatechartView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Intake: Story = {};

/** Three regions of immediate protection run at once: shelter done, alert sent, consulate pending. */
export const ParallelProtection: Story = {
  args: { active: stateValueToPaths(protectionValue), visited: visitedPaths(protectionHistory) },
};

export const Decision: Story = {
  args: {
    active: stateValueToPaths({ solution: 'decision' }),
    visited: [
      ...visitedPaths(protectionHistory),
      ...stateValueToPaths({ identification: 'verification' }),
      ...stateValueToPaths({ solution: { bestInterest: 'determination' } }),
      'solution.bestInterest.familyTracing',
      'solution.bestInterest.familyAssessment',
      'solution.riskAssessment',
    ],
  },
};

export const Closed: Story = {
  args: {
    active: ['closure'],
    visited: [
      'intake',
      'identification',
      'identification.detection',
      'solution',
      'solution.decision',
      'travel',
      'arrival',
      'reception',
      'reintegration',
      'followUp',
      'followUp.visit',
      'followUp.closing',
    ],
  },
};

/**
 * Immediate protection finished by the 24-hour alert, its last region: the case moved straight on
 * to verification, and the stepper still ticks "Alerta resuelta" (read from the history).
 */
export const ProtectionFinishedByTheAlert: Story = {
  args: {
    active: stateValueToPaths({ identification: 'verification' }),
    visited: visitedPaths(
      [
        ...protectionHistory.slice(0, 3),
        {
          type: 'ALERT_SENT',
          from: {
            identification: { protection: { shelterHealth: 'done', alert: 'pending', consular: 'notified' } },
          },
          to: { identification: 'verification' },
        },
      ],
      childRepatriation.machine,
    ),
  },
};

export const EveryStateExpanded: Story = { args: { expandAll: true } };

/**
 * At the coordination between liaisons: it and the coordination with a third country are marked ⇄,
 * the stages where the case may be handed over to another country, and the legend says so.
 */
export const AtAHandoverStage: Story = {
  args: {
    active: stateValueToPaths({ solution: 'coordination' }),
    visited: [...visitedPaths(protectionHistory), ...stateValueToPaths({ solution: 'decision' })],
  },
};
