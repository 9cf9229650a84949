import type { Meta, StoryObj } from '@storybook/react-vite';
import { ApiError } from '../../api/ApiError.js';
import { registerDesignerTexts } from '../i18n/registerDesignerTexts.js';
import { NewProtocolForm } from './NewProtocolForm.js';

registerDesignerTexts();

const meta = {
  title: 'Designer/NewProtocolForm',
  component: NewProtocolForm,
  args: {
    jurisdiction: 'GT',
    taken: {
      published: ['child-repatriation', 'child-repatriation-gt', 'victim-attention', 'voluntary-return'],
      drafts: ['trata-laboral-gt'],
    },
    onCreate: (): Promise<void> => Promise.resolve(),
    onCancel: () => undefined,
  },
} satisfies Meta<typeof NewProtocolForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A Guatemalan designer creates a national protocol of Guatemala. Try "trata-laboral-gt" (their
 * draft) or "child-repatriation" (published) as the id, or leave a title empty, to see the errors.
 */
export const CountryDesigner: Story = {};

/** The regional network's designer creates regional protocols, which countries then adapt. */
export const RegionalDesigner: Story = { args: { jurisdiction: 'REGIONAL' } };

/** The server refuses an id the page could not know was taken: another country is drafting it. */
export const TakenElsewhere: Story = {
  args: {
    onCreate: () =>
      Promise.reject(new ApiError(409, 'id-being-drafted', 'SV is already drafting a protocol with the id.')),
  },
};
