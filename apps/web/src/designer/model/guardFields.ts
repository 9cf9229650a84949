import type { FormDefinition, Lang, Text, TransitionConfig } from '@ruta/protocol';
import { getState } from '@ruta/protocol';
import type { DesignDoc, TransitionRef } from './DesignDoc.js';
import { choicesOf } from './fieldKinds.js';
import type { FieldKind } from './fieldKinds.js';
import { readFields } from './readFields.js';
import { readTransition } from './transitionSlots.js';

/**
 * A variable a guard can read. Guards see `{ form, case }`: `form.<field>` is the form sent with
 * the step the guard decides, `case.<formId>.<field>` a form recorded at an earlier step.
 */
export interface GuardField {
  /** The JSON Logic variable, e.g. "form.agrees" or "case.riskAssessment.level". */
  name: string;
  /** Form title and field label, e.g. "Informed consent › Agrees to return". */
  label: Text;
  kind: FieldKind;
  choices?: { value: string; label: Text }[];
}

/** The form a transition records: its recordForm's form, else its source state's form. */
export function formOfTransition(doc: DesignDoc, source: string, t: TransitionConfig): string | undefined {
  const record = (t.actions ?? []).find((a) => a.type === 'recordForm');
  const named = record?.type === 'recordForm' ? record.params?.form : undefined;
  return named ?? (source === '' ? undefined : getState(doc.machine, source)?.meta.form);
}

/**
 * Every field a guard on the transition `ref` can read: the fields of the form it records first,
 * then the fields of every form of the protocol as recorded on the case. Repeating groups are
 * left out (a condition over a list is not something the builder offers).
 */
export function guardFields(doc: DesignDoc, ref: TransitionRef | null): GuardField[] {
  const out: GuardField[] = [];
  const own = ref ? formOfTransition(doc, ref.source, readTransition(doc.machine, ref)) : undefined;
  const ownForm = own !== undefined && Object.hasOwn(doc.forms, own) ? doc.forms[own] : undefined;
  if (ownForm) out.push(...fieldsOf(ownForm, 'form', { es: 'Este paso', en: 'This step' }));
  for (const form of Object.values(doc.forms)) out.push(...fieldsOf(form, `case.${form.id}`, form.title));
  return out;
}

function fieldsOf(form: FormDefinition, prefix: string, formLabel: Text): GuardField[] {
  const out: GuardField[] = [];
  const walk = (nodes: ReturnType<typeof readFields>, labels: Text[]) => {
    for (const n of nodes) {
      const label = n.schema['x-label'] ?? { es: n.key, en: n.key };
      if (n.kind === 'section') walk(n.children ?? [], [...labels, label]);
      if (n.kind === 'section' || n.kind === 'group' || n.kind === 'other') continue;
      const all = [formLabel, ...labels, label];
      const f: GuardField = {
        name: `${prefix}.${n.path}`,
        label: { es: all.map((t) => t.es).join(' › '), en: all.map((t) => t.en).join(' › ') },
        kind: n.kind,
      };
      const choices = choicesOf(n.schema);
      if (choices) f.choices = choices;
      out.push(f);
    }
  };
  walk(readFields(form), []);
  return out;
}

export function textIn(t: Text | undefined, lang: Lang): string {
  return t ? t[lang] || t.es : '';
}
