import type { Meta, StoryObj } from '@storybook/react-vite';
import { StatePanel } from './StatePanel.js';
import { EditorHarness } from '../fixtures/EditorHarness.js';
import { shippedProtocol } from '../fixtures/shippedProtocols.js';
import type { DesignDoc } from '../model/DesignDoc.js';

const voluntaryReturn = shippedProtocol('voluntary-return@1');

function Harness({ doc, path }: { doc: DesignDoc; path: string }) {
  return (
    <EditorHarness doc={doc}>
      {(editor) => (
        <StatePanel doc={editor.doc} path={path} lang="es" apply={editor.apply} select={editor.select} />
      )}
    </EditorHarness>
  );
}

const meta = {
  title: 'Designer/StatePanel',
  component: Harness,
  args: { doc: voluntaryReturn, path: 'preparation.consent' },
} satisfies Meta<typeof Harness>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Informed consent: form, roles, legal basis from the seeds, guarded outgoing transitions. */
export const InformedConsent: Story = {};

/** A compound state: its initial child can be chosen. */
export const Preparation: Story = { args: { path: 'preparation' } };

/** The final state: no outgoing transitions, no children. */
export const Closure: Story = { args: { path: 'closure' } };
