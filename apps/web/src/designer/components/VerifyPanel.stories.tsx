import type { Meta, StoryObj } from '@storybook/react-vite';
import { exploreStateSpace, invariantReport, verifyProtocol } from '@ruta/protocol';
import { VerifyPanel } from './VerifyPanel.js';
import { shippedProtocol } from '../fixtures/shippedProtocols.js';
import { addState } from '../model/addState.js';
import { removeTransition } from '../model/transitionEdits.js';
import { registerDesignerTexts } from '../i18n/registerDesignerTexts.js';
import type { DesignDoc } from '../model/DesignDoc.js';

registerDesignerTexts();

function verified(doc: DesignDoc) {
  const space = exploreStateSpace(doc);
  return { problems: verifyProtocol(doc, { space }), invariants: invariantReport(doc, space) };
}

const base = shippedProtocol('voluntary-return@1');
/** A national designer's draft: a new step nobody can reach yet, and the risk assessment bypassed. */
const broken = (() => {
  const withStep = addState(base, { parent: '', title: { es: 'Verificación DINAF', en: 'DINAF check' } }).doc;
  return removeTransition(withStep, { source: 'preparation.consent', event: 'CONSENT_RECORDED', index: 1 });
})();

const meta = {
  title: 'Designer/VerifyPanel',
  component: VerifyPanel,
  args: { ...verified(broken), lang: 'es', onSelectProblem: () => undefined },
} satisfies Meta<typeof VerifyPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Errors (an unreachable step, a dead end) each a link to its element; invariants listed. */
export const Failing: Story = {};

/** The shipped protocol verifies: only the invariants, all holding. */
export const Passing: Story = { args: { ...verified(base) } };

export const Running: Story = { args: { problems: null, invariants: [] } };
