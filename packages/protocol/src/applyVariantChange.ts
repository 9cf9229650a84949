import { checkFormRules } from './checkFormRules.js';
import { deepEqual } from './deepEqual.js';
import { sameLevelSchemas } from './formFields.js';
import { fromPointer, toPointer } from './jsonPointer.js';
import { nearestName } from './nearestName.js';
import { wrapText, type BilingualText } from './problemText.js';
import { variantChangeTexts as texts } from './registryTexts.js';
import { asList, getState } from './stateTree.js';
import type {
  AnchoredDuration,
  FieldSchema,
  FormDefinition,
  MachineConfig,
  Problem,
  ResolvedProtocol,
  StateConfig,
  Text,
  TransitionConfig,
  TransitionsConfig,
  VariantChange,
  VariantDuration,
} from './types.js';

/** Where a change is written, for its problems. */
export interface ChangeSite {
  file?: string;
  index: number;
}

/**
 * Applies one change of a national variant to a resolved protocol, in place. Returns the
 * problems that kept it from applying (and then changes nothing): a state, transition, form or
 * field that does not exist (with what exists nearby), or something added that already exists.
 */
export function applyVariantChange(
  protocol: ResolvedProtocol,
  change: VariantChange,
  site: ChangeSite,
): Problem[] {
  const prefix = texts.prefix(site.index, change.op);
  const inChange = (text: BilingualText) => wrapText(text, { before: prefix.en }, { before: prefix.es });
  const fail = (
    code: string,
    key: string,
    text: BilingualText,
    extra: Partial<Problem['location']> = {},
  ): Problem[] => [
    {
      code,
      location: {
        ...(site.file !== undefined ? { file: site.file } : {}),
        pointer: toPointer(['changes', site.index, ...(key === '' ? [] : [key])]),
        ...extra,
      },
      ...inChange(text),
    },
  ];
  const machine = protocol.machine;

  /** Problems when the state at `path` does not exist, naming what does. */
  const missingState = (path: string, key = 'path'): Problem[] =>
    fail('change-state-missing', key, texts.stateMissing(path, nearbyStates(machine, path)), {
      state: path,
    });

  switch (change.op) {
    case 'addState': {
      const { parent, key } = splitPath(change.path);
      const siblings = childStates(machine, parent);
      if (siblings === null) {
        return getState(machine, parent)
          ? fail('change-state-missing', 'path', texts.noChildStates(parent, key), { state: change.path })
          : missingState(parent);
      }
      if (Object.hasOwn(siblings, key)) {
        return fail('change-already-exists', 'path', texts.stateExists(change.path), { state: change.path });
      }
      siblings[key] = structuredClone(change.state);
      return [];
    }
    case 'replaceState': {
      const { parent, key } = splitPath(change.path);
      const siblings = childStates(machine, parent);
      if (!siblings || !Object.hasOwn(siblings, key)) return missingState(change.path);
      siblings[key] = structuredClone(change.state);
      return [];
    }
    case 'removeState': {
      const { parent, key } = splitPath(change.path);
      const siblings = childStates(machine, parent);
      if (!siblings || !Object.hasOwn(siblings, key)) return missingState(change.path);
      const initial = parent === '' ? machine.initial : getState(machine, parent)?.initial;
      if (initial === key) {
        return fail('change-removes-initial', 'path', texts.removesInitial(change.path, parent), {
          state: change.path,
        });
      }
      if (Object.keys(siblings).length === 1) {
        return fail('change-removes-initial', 'path', texts.removesOnlyChild(change.path, parent), {
          state: change.path,
        });
      }
      delete siblings[key];
      return [];
    }
    case 'addTransition':
    case 'replaceTransition':
    case 'removeTransition': {
      const source = transitionHolder(machine, change.from);
      if (!source) return missingState(change.from, 'from');
      const { table, name } = transitionTable(source, change.event);
      const existing = table?.[name];
      if (change.op === 'addTransition') {
        const added = structuredClone(change.transition);
        const list: TransitionConfig[] = existing === undefined ? [] : asList(existing);
        setTransitions(source, change.event, list.length === 0 ? added : [...list, added]);
        return [];
      }
      if (existing === undefined) {
        const events = Object.keys(source.on ?? {}).concat(
          Object.keys(source.after ?? {}).map((d) => `after:${d}`),
        );
        const near = nearestName(change.event, events);
        return fail(
          'change-transition-missing',
          'event',
          texts.transitionMissing(change.from, change.event, near, events, change.op === 'replaceTransition'),
          { state: change.from },
        );
      }
      if (change.op === 'replaceTransition') {
        setTransitions(source, change.event, structuredClone(change.transitions));
      } else {
        setTransitions(source, change.event, undefined);
      }
      return [];
    }
    case 'setStateMeta': {
      const state = getState(machine, change.path);
      if (!state) return missingState(change.path);
      const { legal, deadline, ...rest } = structuredClone(change.meta);
      if (deadline) {
        const anchored = withAnchor(deadline, state.meta.deadline);
        if (!anchored) {
          return fail(
            'change-anchor-missing',
            'meta',
            texts.deadlineAnchorMissing(change.path, state.meta.deadline !== undefined),
            { state: change.path, pointer: toPointer(['changes', site.index, 'meta', 'deadline', 'from']) },
          );
        }
        state.meta.deadline = anchored;
      }
      Object.assign(state.meta, rest);
      for (const ref of legal ?? []) {
        if (!state.meta.legal.some((r) => deepEqual(r, ref))) state.meta.legal.push(ref);
      }
      return [];
    }
    case 'removeDeadline': {
      const state = getState(machine, change.path);
      if (!state) return missingState(change.path);
      if (!state.meta.deadline) {
        return fail('change-deadline-missing', 'path', texts.deadlineMissing(change.path), {
          state: change.path,
        });
      }
      delete state.meta.deadline;
      return [];
    }
    case 'setGuard':
      protocol.guards[change.name] = structuredClone(change.guard);
      return [];
    case 'setEvent':
      protocol.events[change.event] = structuredClone(change.definition);
      return [];
    case 'setDelay': {
      const before = Object.hasOwn(protocol.delays ?? {}, change.name)
        ? protocol.delays![change.name]
        : undefined;
      const delay = withAnchor(structuredClone(change.delay), before);
      if (!delay) {
        return fail(
          'change-anchor-missing',
          'delay',
          texts.delayAnchorMissing(change.name, before !== undefined),
          {
            pointer: toPointer(['changes', site.index, 'delay', 'from']),
          },
        );
      }
      protocol.delays = { ...(protocol.delays ?? {}), [change.name]: delay };
      return [];
    }
    case 'setTitle':
      protocol.title = structuredClone(change.title);
      if (change.description) protocol.description = structuredClone(change.description);
      return [];
    case 'addForm':
    case 'replaceForm': {
      const id = change.form.id;
      const exists = Object.hasOwn(protocol.forms, id);
      if (change.op === 'addForm' && exists) {
        return fail('change-already-exists', 'form', texts.formExists(id), { form: id });
      }
      if (change.op === 'replaceForm' && !exists) {
        return fail('change-form-missing', 'form', formMissing(protocol, id, true), { form: id });
      }
      const rules = checkFormRules(change.form, site.file);
      if (rules.length > 0) {
        return rules.map((p) => ({
          ...p,
          location: {
            ...p.location,
            pointer: toPointer(['changes', site.index, 'form', ...fromPointer(p.location.pointer)]),
          },
          ...inChange(p),
        }));
      }
      protocol.forms[id] = structuredClone(change.form);
      return [];
    }
    case 'addField':
    case 'replaceField':
    case 'removeField': {
      if (!Object.hasOwn(protocol.forms, change.form)) {
        return fail('change-form-missing', 'form', formMissing(protocol, change.form, false), {
          form: change.form,
        });
      }
      const form = protocol.forms[change.form]!;
      const { parent, key } = splitPath(change.field);
      const section = sectionAt(form.schema, parent);
      const where = { form: change.form, field: change.field };
      if (!section) {
        return fail(
          'change-field-missing',
          'field',
          texts.sectionMissing(change.form, parent, nearbyFields(form.schema, parent)),
          where,
        );
      }
      // A field may be declared on its section or only inside one of its conditions (then/else, ...).
      const holders = sameLevelSchemas(section).filter(
        (s) => s.properties && Object.hasOwn(s.properties, key),
      );
      const exists = holders.length > 0;
      if (change.op === 'addField') {
        if (exists) {
          return fail('change-already-exists', 'field', texts.fieldExists(change.form, change.field), where);
        }
      } else if (!exists) {
        return fail(
          'change-field-missing',
          'field',
          texts.fieldMissing(change.form, change.field, nearbyFields(form.schema, change.field)),
          where,
        );
      }
      if (change.op === 'removeField') {
        for (const holder of sameLevelSchemas(section)) {
          if (holder.properties) delete holder.properties[key];
          if (holder.required?.includes(key)) setRequired(holder, key, false);
        }
        forgetField(form, change.field);
        return [];
      }
      // Added on the section; replaced where it is declared (on the section if it is, else in its condition).
      const target = change.op === 'addField' ? section : holders[0]!;
      (target.properties ??= {})[key] = structuredClone(change.schema);
      if (change.required !== undefined) setRequired(target, key, change.required);
      return [];
    }
  }
}

/**
 * A variant's deadline or delay as it resolves over the one it replaces: without `from` it keeps
 * that one's anchor (a national deadline of other hours still counts from the event the base
 * counts from, e.g. the detection: dropping the anchor silently would show more time than is
 * left); `from: null` counts from the step. Undefined when `from: null` has no anchor to drop.
 */
function withAnchor(
  set: VariantDuration,
  before: AnchoredDuration | undefined,
): AnchoredDuration | undefined {
  const { from, ...hours } = set;
  if (from === null) return before?.from === undefined ? undefined : hours;
  const anchor = from ?? before?.from;
  return anchor === undefined ? hours : { ...hours, from: structuredClone(anchor) };
}

function splitPath(path: string): { parent: string; key: string } {
  const i = path.lastIndexOf('.');
  return i < 0 ? { parent: '', key: path } : { parent: path.slice(0, i), key: path.slice(i + 1) };
}

/** The child states of a state ("" for the machine), or null when it has none or does not exist. */
function childStates(machine: MachineConfig, parent: string): Record<string, StateConfig> | null {
  if (parent === '') return machine.states;
  return getState(machine, parent)?.states ?? null;
}

/** What holds transitions at a path: the machine for "", else the state. */
function transitionHolder(
  machine: MachineConfig,
  from: string,
): Pick<StateConfig, 'on' | 'after'> | undefined {
  return from === '' ? machine : getState(machine, from);
}

function transitionTable(
  holder: Pick<StateConfig, 'on' | 'after'>,
  event: string,
): { table: Record<string, TransitionsConfig> | undefined; name: string } {
  return event.startsWith('after:')
    ? { table: holder.after, name: event.slice(6) }
    : { table: holder.on, name: event };
}

function setTransitions(
  holder: Pick<StateConfig, 'on' | 'after'>,
  event: string,
  value: TransitionsConfig | undefined,
): void {
  const field = event.startsWith('after:') ? 'after' : 'on';
  const name = field === 'after' ? event.slice(6) : event;
  const table = { ...(holder[field] ?? {}) };
  if (value === undefined) delete table[name];
  else table[name] = value;
  if (Object.keys(table).length === 0) delete holder[field];
  else holder[field] = table;
}

/** A hint naming the states that do exist near a path that does not. */
function nearbyStates(machine: MachineConfig, path: string): Text {
  const parts = path.split('.');
  let prefix = '';
  for (const part of parts) {
    const next = prefix === '' ? part : `${prefix}.${part}`;
    if (!getState(machine, next)) break;
    prefix = next;
  }
  const children = Object.keys(childStates(machine, prefix) ?? {});
  const missing = parts[prefix === '' ? 0 : prefix.split('.').length] ?? '';
  const near = nearestName(missing, children);
  return texts.nearbyStates(
    near === undefined ? undefined : prefix === '' ? near : `${prefix}.${near}`,
    prefix,
    children,
  );
}

/** `adding`: the change replaces the form, so addForm is what would add it. */
function formMissing(protocol: ResolvedProtocol, id: string, adding: boolean): BilingualText {
  const ids = Object.keys(protocol.forms);
  return texts.formMissing(id, nearestName(id, ids), ids, adding);
}

/** The object schema at a dotted field path ("" for the form itself), or undefined. */
function sectionAt(schema: FieldSchema, path: string): FieldSchema | undefined {
  let s: FieldSchema | undefined = schema;
  if (path === '') return s;
  for (const key of path.split('.')) {
    s = sameLevelSchemas(s).find((x) => x.properties && Object.hasOwn(x.properties, key))?.properties?.[key];
    if (!s) return undefined;
  }
  return s.type === 'object' || s.properties ? s : undefined;
}

function nearbyFields(schema: FieldSchema, path: string): Text {
  const parts = path.split('.');
  let prefix = '';
  let section: FieldSchema = schema;
  const fieldsOf = (s: FieldSchema) => [
    ...new Set(sameLevelSchemas(s).flatMap((x) => Object.keys(x.properties ?? {}))),
  ];
  for (const part of parts) {
    const next = sameLevelSchemas(section).find((x) => x.properties && Object.hasOwn(x.properties, part))
      ?.properties?.[part];
    if (!next || !(next.type === 'object' || next.properties)) break;
    section = next;
    prefix = prefix === '' ? part : `${prefix}.${part}`;
  }
  const fields = fieldsOf(section);
  const missing = parts[prefix === '' ? 0 : prefix.split('.').length] ?? '';
  const near = nearestName(missing, fields);
  return texts.nearbyFields(
    near === undefined ? undefined : prefix === '' ? near : `${prefix}.${near}`,
    prefix,
    fields,
  );
}

function setRequired(section: FieldSchema, key: string, required: boolean): void {
  const list = (section.required ?? []).filter((k) => k !== key);
  if (required) list.push(key);
  if (list.length > 0) section.required = list;
  else delete section.required;
}

/** A removed field leaves no trace in the form's uiSchema (rjsf refuses an order naming it) or examples. */
function forgetField(form: FormDefinition, path: string): void {
  const parts = path.split('.');
  const key = parts.pop()!;
  const parentOf = (root: unknown): Record<string, unknown> | undefined => {
    let node = root;
    for (const p of parts) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, p)) return undefined;
      node = (node as Record<string, unknown>)[p];
    }
    return typeof node === 'object' && node !== null && !Array.isArray(node)
      ? (node as Record<string, unknown>)
      : undefined;
  };
  const ui = parentOf(form.uiSchema);
  if (ui) {
    delete ui[key];
    const order = ui['ui:order'];
    if (Array.isArray(order)) ui['ui:order'] = order.filter((k) => k !== key);
  }
  for (const example of form.examples ?? []) {
    const parent = parentOf(example);
    if (parent) delete parent[key];
  }
}
