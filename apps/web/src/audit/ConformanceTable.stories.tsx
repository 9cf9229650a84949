import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConformanceTable } from './ConformanceTable.js';

const ok = (seq: number, type: string) => ({
  seq,
  type,
  accepted: true,
  sameState: true,
  hashIntact: true,
  reasons: [],
});

const meta = {
  title: 'Audit/ConformanceTable',
  component: ConformanceTable,
  args: {
    caption: 'Reproducción con las versiones con que se dio el caso',
    report: {
      ok: true,
      protocol: { id: 'child-repatriation-gt', version: 1, jurisdiction: 'GT' },
      events: [ok(0, 'case.opened'), ok(1, 'DETECT'), ok(2, 'SCREENED'), ok(3, 'CONSULATE_NOTIFIED')],
      firstDivergence: null,
    },
  },
} satisfies Meta<typeof ConformanceTable>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Conforming: Story = {};
/** A record altered after it was stored, and a what-if that takes another road from there. */
export const Diverging: Story = {
  args: {
    caption: 'Reproducción con Repatriación de niñas, niños y adolescentes — México — versión 1 (México)',
    report: {
      ok: false,
      protocol: { id: 'child-repatriation-mx', version: 1, jurisdiction: 'MX' },
      events: [
        ok(0, 'case.opened'),
        ok(1, 'DETECT'),
        {
          seq: 2,
          type: 'SCREENED',
          accepted: true,
          sameState: false,
          hashIntact: false,
          reasons: [
            {
              code: 'different-state',
              message:
                'the step leads to {"identification":"protection"}; the record says {"identification":"screening"}',
            },
            {
              code: 'hash-mismatch',
              message: 'event 2 was altered after it was recorded: its content hashes to 9f2c…, not 41ab…',
            },
          ],
        },
      ],
      firstDivergence: 2,
    },
  },
};
