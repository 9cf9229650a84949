import type { Meta, StoryObj } from '@storybook/react-vite';
import { worklistRows } from '../fixtures/caseFixtures.js';
import { WorklistTable } from './WorklistTable.js';

const meta = {
  title: 'Worklist/WorklistTable',
  component: WorklistTable,
  args: { rows: worklistRows },
} satisfies Meta<typeof WorklistTable>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Overdue first, then nearest due, as the server orders them. */
export const MyCases: Story = {};
export const Empty: Story = { args: { rows: [] } };
