import type { Meta, StoryObj } from '@storybook/react-vite';
import { DiffView } from './DiffView.js';
import { shippedProtocol } from '../fixtures/shippedProtocols.js';
import { registerDesignerTexts } from '../i18n/registerDesignerTexts.js';

registerDesignerTexts();

const meta = {
  title: 'Designer/DiffView',
  component: DiffView,
  args: {
    a: shippedProtocol('child-repatriation@1'),
    b: shippedProtocol('child-repatriation-gt@1'),
    lang: 'es',
  },
} satisfies Meta<typeof DiffView>;
export default meta;
type Story = StoryObj<typeof meta>;

/** What Guatemala's variant changes in the regional child repatriation. */
export const GuatemalaVariant: Story = {};

/** Mexico's variant of the same protocol. */
export const MexicoVariant: Story = { args: { b: shippedProtocol('child-repatriation-mx@1') } };

export const NoDifference: Story = { args: { b: shippedProtocol('child-repatriation@1') } };
