import type { Meta, StoryObj } from '@storybook/react-vite';
import { UserRow } from './UserRow.js';

const meta = {
  title: 'Users/UserRow',
  component: UserRow,
  args: {
    user: {
      id: '65f1c0ffee0000000000a001',
      username: 'lucia.perez.gt',
      name: 'Lucía Pérez',
      role: 'supervisor',
      country: 'GT',
      disabled: false,
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: null,
    },
    self: false,
    onChanged: () => undefined,
    onStale: () => undefined,
  },
  decorators: [
    (Story) => (
      <table className="worklist users-table">
        <tbody>{Story()}</tbody>
      </table>
    ),
  ],
} satisfies Meta<typeof UserRow>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Active: Story = {};
export const Disabled: Story = {
  args: {
    user: {
      id: '65f1c0ffee0000000000a002',
      username: 'pedro.ramos.gt',
      name: 'Pedro Ramos',
      role: 'caseworker',
      country: 'GT',
      disabled: true,
      createdAt: '2026-02-01T10:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    },
  },
};
/** The administrator's own account: no role change, no disabling. */
export const OwnAccount: Story = {
  args: {
    user: {
      id: '65f1c0ffee0000000000a003',
      username: 'admin.gt',
      name: 'Marta Gómez',
      role: 'admin',
      country: 'GT',
      disabled: false,
      createdAt: '2026-01-01T10:00:00.000Z',
      updatedAt: null,
    },
    self: true,
  },
};
