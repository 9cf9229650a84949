import type { Meta, StoryObj } from '@storybook/react-vite';
import { childForm, childForms } from '../fixtures/childRepatriation.js';
import { RESERVED } from './formatValue.js';
import { RecordedData } from './RecordedData.js';

const detection = { ...(childForm('cr-detection').examples?.[0] ?? {}) } as Record<string, unknown>;
// As the server sends it: sensitive values replaced.
for (const [k, f] of Object.entries(childForm('cr-detection').schema.properties ?? {})) {
  if (f['x-sensitive'] && k in detection) detection[k] = RESERVED;
}

const meta = {
  title: 'Case/RecordedData',
  component: RecordedData,
  args: {
    forms: childForms,
    data: { 'cr-detection': detection, 'cr-consular': childForm('cr-consular').examples?.[0] ?? {} },
    reveal: async () => 'Ana',
  },
} satisfies Meta<typeof RecordedData>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Reserved values masked, each with "Show" behind a stated reason. */
export const WithReservedValues: Story = {};
export const NothingRecorded: Story = { args: { data: {} } };
/** A form recorded three times: the latest is shown, the earlier ones are in the history. */
export const RecordedAgain: Story = {
  args: { records: { 'cr-consular': { count: 3, lastAt: '2026-03-10T15:00:00Z' } } },
};
