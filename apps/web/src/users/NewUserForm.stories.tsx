import type { Meta, StoryObj } from '@storybook/react-vite';
import { NewUserForm } from './NewUserForm.js';

const meta = {
  title: 'Users/NewUserForm',
  component: NewUserForm,
  args: {
    me: {
      id: '65f1c0ffee0000000000a003',
      username: 'admin.gt',
      name: 'Marta Gómez',
      role: 'admin',
      country: 'GT',
    },
    onCreated: () => undefined,
    onSubmit: () => undefined,
  },
} satisfies Meta<typeof NewUserForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A country's administrator creates accounts of that country only. */
export const CountryAdministrator: Story = {};
/** A regional administrator picks the country, REGIONAL included (for designers, auditors, admins). */
export const RegionalAdministrator: Story = {
  args: {
    me: {
      id: '65f1c0ffee0000000000a004',
      username: 'admin.regional',
      name: 'Administración regional',
      role: 'admin',
      country: 'REGIONAL',
    },
  },
};
