import type { Meta, StoryObj } from '@storybook/react-vite';
import { worklistRows } from '../fixtures/caseFixtures.js';
import { WorklistRow } from './WorklistRow.js';

const meta = {
  title: 'Worklist/WorklistRow',
  component: WorklistRow,
  args: { row: worklistRows[0]! },
  decorators: [
    (Story) => (
      <table className="worklist">
        <tbody>{Story()}</tbody>
      </table>
    ),
  ],
} satisfies Meta<typeof WorklistRow>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Overdue: Story = {};
export const DueSoonUnassigned: Story = { args: { row: worklistRows[1]! } };
export const DueInDays: Story = { args: { row: worklistRows[2]! } };
export const AssignedToMe: Story = { args: { row: worklistRows[0]!, myId: 'u-ana-lopez' } };
export const Closed: Story = {
  args: {
    row: {
      ...worklistRows[2]!,
      nextDue: null,
      overdue: false,
      state: { value: 'closure', titles: [{ es: 'Caso cerrado', en: 'Case closed' }] },
    },
  },
};
