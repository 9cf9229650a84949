import type { Meta, StoryObj } from '@storybook/react-vite';
import { protectionDeadlines } from '../fixtures/caseFixtures.js';
import { Deadlines } from './Deadlines.js';

const renewal = {
  key: 'status.temporary:xstate.after.renewalWindow.migration-regularisation.status.temporary',
  title: { es: 'Se abre la ventana de renovación.', en: 'The renewal window opens.' },
  dueAt: '2027-10-08T15:00:00Z',
};

const meta = {
  title: 'Case/Deadlines',
  component: Deadlines,
  args: { deadlines: protectionDeadlines },
} satisfies Meta<typeof Deadlines>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Running: Story = {};
/** A step the protocol takes by itself (a renewal window that opens on its own), with its date. */
export const WithTimer: Story = { args: { deadlines: [], timers: [renewal] } };
export const None: Story = { args: { deadlines: [] } };
