import type { Meta, StoryObj } from '@storybook/react-vite';
import { diffProtocols } from '@ruta/protocol';
import { ChartGraph } from './ChartGraph.js';
import { diffMarks } from '../components/DiffView.js';
import { shippedProtocol } from '../fixtures/shippedProtocols.js';
import { generateProtocol } from '../fixtures/generateProtocol.js';
import { registerDesignerTexts } from '../i18n/registerDesignerTexts.js';

registerDesignerTexts();

const voluntaryReturn = shippedProtocol('voluntary-return@1');
const childRepatriation = shippedProtocol('child-repatriation@1');
const childGt = shippedProtocol('child-repatriation-gt@1');

const meta = {
  title: 'Designer/ChartGraph',
  component: ChartGraph,
  args: { doc: voluntaryReturn, lang: 'es' },
  decorators: [(Story) => <div style={{ height: 640, border: '1px solid #c9d1da' }}>{Story()}</div>],
} satisfies Meta<typeof ChartGraph>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The shipped regional voluntary return: nested preparation, follow-up loop, final closure. */
export const VoluntaryReturn: Story = {};

/**
 * The shipped child repatriation, the largest regional protocol. Its two coordination stages carry
 * ⇄ (a handover to another country is allowed there), explained in the legend at the top right.
 */
export const ChildRepatriation: Story = { args: { doc: childRepatriation } };

/** A selected state and the problems the verifier found, as marks on the chart. */
export const SelectionAndProblems: Story = {
  args: {
    selection: { kind: 'state', path: 'preparation.consent' },
    problems: { states: new Map([['preparation.riskAssessment', 2]]), transitions: new Map() },
  },
};

/** Guatemala's variant with what it adds and changes marked against the regional base. */
export const GuatemalaVariantMarked: Story = {
  args: { doc: childGt, marks: diffMarks(diffProtocols(childRepatriation, childGt), 'b') },
};

/** 150 generated states: layout and drawing stay quick (see npm run bench:designer). */
export const Generated150States: Story = { args: { doc: generateProtocol(150) } };

export const InEnglish: Story = { args: { lang: 'en' } };
