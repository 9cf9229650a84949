import type { FieldSchema, FormDefinition } from '@ruta/protocol';
import { fieldKindOf } from './fieldKinds.js';
import type { FieldKind, UiNode } from './fieldKinds.js';
import {
  conditionOf,
  containerOf,
  fieldKeysIn,
  fieldSchemaIn,
  requiredFieldsOf,
  slotOf,
  uiChild,
  uiContainerOf,
} from './formTree.js';
import type { Condition } from './formTree.js';

/** A field of a form as the form builder shows it. */
export interface FieldNode {
  key: string;
  /** Dotted keys from the form root, through sections and repeating groups. */
  path: string;
  kind: FieldKind | 'other';
  schema: FieldSchema;
  ui: UiNode | undefined;
  /** Always required, or (for a conditionally shown field) required whenever it is shown. */
  required: boolean;
  /** Shown only when a sibling field has this value. */
  visibleWhen?: Condition;
  /** Required only when a sibling field has this value. */
  requiredWhen?: Condition;
  children?: FieldNode[];
}

/** The fields of a form as a tree, in display order. */
export function readFields(form: FormDefinition): FieldNode[] {
  return readObject(form.schema, (form.uiSchema ?? {}) as UiNode, '');
}

function readObject(obj: FieldSchema, ui: UiNode | undefined, prefix: string): FieldNode[] {
  return fieldKeysIn(obj, ui).map((key) => {
    const schema = fieldSchemaIn(obj, key)!;
    const slot = slotOf(obj, key)!;
    const fieldUi = uiChild(ui, key);
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const node: FieldNode = {
      key,
      path,
      kind: fieldKindOf(schema, fieldUi),
      schema,
      ui: fieldUi,
      required:
        slot.where === 'base'
          ? (obj.required ?? []).includes(key)
          : (obj.allOf![slot.allOfIndex]!.then!.required ?? []).includes(key),
    };
    if (slot.where === 'conditional') node.visibleWhen = slot.condition;
    const requiring = (obj.allOf ?? []).find((e) => requiredFieldsOf(e).includes(key));
    if (requiring) node.requiredWhen = conditionOf(requiring)!;
    const inner = containerOf(schema);
    if (inner) node.children = readObject(inner, uiContainerOf(schema, fieldUi), path);
    return node;
  });
}

/** Every field of a form, depth first, parents before their children. */
export function flattenFields(nodes: FieldNode[]): FieldNode[] {
  return nodes.flatMap((n) => [n, ...flattenFields(n.children ?? [])]);
}

/** The field at a dotted path, or undefined. */
export function findField(form: FormDefinition, path: string): FieldNode | undefined {
  return flattenFields(readFields(form)).find((n) => n.path === path);
}
