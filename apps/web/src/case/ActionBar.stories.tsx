import type { Meta, StoryObj } from '@storybook/react-vite';
import type { AvailableAction } from '@ruta/engine';
import { childRepatriation } from '../fixtures/childRepatriation.js';
import { decisionActions, protectionActions } from '../fixtures/caseFixtures.js';
import { fieldAt } from '../forms/fieldAt.js';
import { fieldPath } from '../forms/rejectionsToErrorSchema.js';
import { pickText } from '../i18n/useLang.js';
import type { Text } from '@ruta/protocol';
import { ActionBar } from './ActionBar.js';

const fieldLabel = (form: string, path: string, message: string, keyword: string) => {
  const def = childRepatriation.forms[form];
  const field = def ? fieldAt(def.schema, fieldPath(path, keyword, message)) : null;
  return field ? pickText(field['x-label'] as Text | undefined, 'es') : null;
};

/** DECIDE as the server lists it before the form is filled in: each of its guarded outcomes fails. */
const decideWithEveryGuard: AvailableAction = {
  event: 'DECIDE',
  title: childRepatriation.events.DECIDE?.title ?? { es: 'Decidir', en: 'Decide' },
  form: 'cr-decision',
  ok: false,
  reasons: (['decideReturn', 'decideStay', 'decideThirdCountry'] as const).map((guard) => ({
    code: 'guard-failed' as const,
    message: `guard ${guard} failed`,
    guard,
    description: childRepatriation.guards[guard]!.description,
    condition: childRepatriation.guards[guard]!.logic,
  })),
};

const meta = {
  title: 'Case/ActionBar',
  component: ActionBar,
  args: { label: 'Acciones', onAct: () => {}, busy: null, fieldLabel },
} satisfies Meta<typeof ActionBar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ProtectionStep: Story = { args: { actions: protectionActions } };

export const DecisionWithConditions: Story = {
  args: { actions: [decideWithEveryGuard, ...decisionActions.slice(1)] },
};

export const AllAvailable: Story = {
  args: { actions: protectionActions.map((a) => ({ ...a, ok: true, reasons: [] })) },
};

export const Sending: Story = {
  args: {
    actions: protectionActions.map((a) => ({ ...a, ok: true, reasons: [] })),
    busy: 'CONSULATE_NOTIFIED',
  },
};
