import type { Meta, StoryObj } from '@storybook/react-vite';
import { TransitionPanel } from './TransitionPanel.js';
import { EditorHarness } from '../fixtures/EditorHarness.js';
import { shippedProtocol } from '../fixtures/shippedProtocols.js';
import type { TransitionRef } from '../model/DesignDoc.js';

const voluntaryReturn = shippedProtocol('voluntary-return@1');

function Harness({ transition }: { transition: TransitionRef }) {
  return (
    <EditorHarness doc={voluntaryReturn}>
      {(editor) => (
        <TransitionPanel
          doc={editor.doc}
          transition={transition}
          lang="es"
          apply={editor.apply}
          select={editor.select}
        />
      )}
    </EditorHarness>
  );
}

const meta = {
  title: 'Designer/TransitionPanel',
  component: Harness,
  args: { transition: { source: 'preparation.consent', event: 'CONSENT_RECORDED', index: 0 } },
} satisfies Meta<typeof Harness>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Consent recorded: the guard "consentGiven" built from the consent form's fields. */
export const GuardedByConsent: Story = {};

/** An unguarded transition with no actions. */
export const Unguarded: Story = { args: { transition: { source: 'intake', event: 'REFER', index: 0 } } };
