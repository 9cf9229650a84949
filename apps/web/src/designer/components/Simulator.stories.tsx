import type { Meta, StoryObj } from '@storybook/react-vite';
import { Simulator } from './Simulator.js';
import { shippedProtocol } from '../fixtures/shippedProtocols.js';
import { registerDesignerTexts } from '../i18n/registerDesignerTexts.js';

registerDesignerTexts();

const meta = {
  title: 'Designer/Simulator',
  component: Simulator,
  args: { doc: shippedProtocol('voluntary-return@1'), lang: 'es' },
} satisfies Meta<typeof Simulator>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Voluntary return from intake, acting as a case worker in Guatemala. */
export const VoluntaryReturn: Story = {};

/** A national variant runs in its own country. */
export const GuatemalaChildRepatriation: Story = {
  args: { doc: shippedProtocol('child-repatriation-gt@1') },
};
