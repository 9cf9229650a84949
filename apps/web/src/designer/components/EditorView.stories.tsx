import type { Meta, StoryObj } from '@storybook/react-vite';
import { EditorView } from './EditorView.js';
import type { EditorTab } from './EditorView.js';
import { EditorHarness } from '../fixtures/EditorHarness.js';
import { shippedProtocol } from '../fixtures/shippedProtocols.js';
import { applyVariant } from '../model/variantFile.js';
import type { ResolvedProtocol } from '@ruta/protocol';

const regional = shippedProtocol('voluntary-return@1');
/** A fresh Honduras variant of voluntary return, as the server creates it. */
const honduras = applyVariant(regional, {
  kind: 'variant',
  id: 'voluntary-return-hn',
  version: 1,
  jurisdiction: 'HN',
  base: 'voluntary-return@1',
  title: { es: `${regional.title.es} (HN)`, en: `${regional.title.en} (HN)` },
  changes: [],
}).doc;

function Harness({
  doc,
  base,
  tab,
}: {
  doc: ResolvedProtocol;
  base: ResolvedProtocol | null;
  tab: EditorTab;
}) {
  return (
    <div style={{ height: 760, display: 'flex', flexDirection: 'column' }}>
      <EditorHarness doc={doc}>
        {(editor) => (
          <EditorView editor={editor} lang="es" base={base} initialTab={tab} formsLocked={base === null} />
        )}
      </EditorHarness>
    </div>
  );
}

const meta = {
  title: 'Designer/EditorView',
  component: Harness,
  args: { doc: honduras, base: regional, tab: 'properties' },
} satisfies Meta<typeof Harness>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The whole editor on a new Honduras variant: chart, side panel, undo and redo. */
export const HondurasVariant: Story = {};
export const Verification: Story = { args: { tab: 'verify' } };
export const Simulation: Story = { args: { tab: 'simulate' } };
export const VariantChanges: Story = { args: { tab: 'changes' } };
/** A regional draft: forms are shared files, so the form builder is read-only. */
export const RegionalDraft: Story = { args: { doc: regional, base: null } };
