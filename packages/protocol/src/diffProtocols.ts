import { deepEqual } from './deepEqual.js';
import { formFieldTree, listFormFields, type FormField } from './formFields.js';
import type {
  FieldChangeKind,
  FormDiff,
  NamedDiff,
  ProtocolChangeKind,
  ProtocolDiff,
  StateChangeKind,
  TransitionChangeKind,
} from './ProtocolDiff.js';
import { listStates, listTransitions, type TransitionEntry } from './stateTree.js';
import type {
  FieldSchema,
  FormDefinition,
  ResolvedProtocol,
  StateConfig,
  TransitionConfig,
} from './types.js';

/**
 * Everything that differs from protocol `a` to protocol `b`: states, transitions, guards,
 * events, delays, invariants in force, and forms down to each field. States are matched by
 * path, transitions by source, event and index, forms by id, fields by dotted path. Comparing a
 * protocol with itself gives an empty diff (see isDiffEmpty).
 *
 * @example formatDiff(diffProtocols(regional, guatemalan), 'es')
 */
export function diffProtocols(a: ResolvedProtocol, b: ResolvedProtocol): ProtocolDiff {
  return {
    from: { id: a.id, version: a.version },
    to: { id: b.id, version: b.version },
    protocol: protocolChanges(a, b),
    states: diffStates(a, b),
    transitions: diffTransitions(a, b),
    guards: diffNamed(a.guards, b.guards, {
      logic: (x, y) => deepEqual(x.logic, y.logic),
      description: (x, y) => deepEqual(x.description, y.description),
    }),
    events: diffNamed(a.events, b.events, {
      title: (x, y) => deepEqual(x.title, y.title),
      description: (x, y) => deepEqual(x.description, y.description),
    }),
    delays: diffNamed(a.delays ?? {}, b.delays ?? {}, {
      hours: (x, y) => x.hours === y.hours,
      from: (x, y) => deepEqual(x.from, y.from),
    }),
    invariants: diffNamed(byId(a.invariantsInForce), byId(b.invariantsInForce), { definition: deepEqual }),
    forms: diffForms(a.forms, b.forms),
  };
}

/** Whether a diff finds no difference at all. */
export function isDiffEmpty(diff: ProtocolDiff): boolean {
  const named = [diff.guards, diff.events, diff.delays, diff.invariants];
  return (
    diff.protocol.length === 0 &&
    [diff.states, diff.transitions, diff.forms, ...named].every(
      (d) => d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0,
    )
  );
}

function protocolChanges(a: ResolvedProtocol, b: ResolvedProtocol): ProtocolChangeKind[] {
  const out: ProtocolChangeKind[] = [];
  if (!deepEqual(a.title, b.title)) out.push('title');
  if (!deepEqual(a.description, b.description)) out.push('description');
  if (a.jurisdiction !== b.jurisdiction) out.push('jurisdiction');
  if (a.population !== b.population) out.push('population');
  if (a.base !== b.base) out.push('base');
  if (!deepEqual(a.profile, b.profile)) out.push('profile');
  if (a.machine.initial !== b.machine.initial) out.push('initial');
  return out;
}

const STATE_FIELDS: [StateChangeKind, (s: StateConfig) => unknown][] = [
  ['title', (s) => s.meta.title],
  ['description', (s) => s.meta.description],
  ['form', (s) => s.meta.form],
  ['roles', (s) => s.meta.roles],
  ['deadline', (s) => s.meta.deadline],
  ['legal', (s) => s.meta.legal],
  ['institution', (s) => s.meta.institution],
  ['handover', (s) => s.meta.handover],
  ['tags', (s) => s.tags],
  ['type', (s) => s.type],
  ['initial', (s) => s.initial],
  ['id', (s) => s.id],
  ['entry', (s) => s.entry],
  ['exit', (s) => s.exit],
];

function diffStates(a: ResolvedProtocol, b: ResolvedProtocol): ProtocolDiff['states'] {
  const before = new Map(listStates(a.machine).map((s) => [s.path, s.state]));
  const after = new Map(listStates(b.machine).map((s) => [s.path, s.state]));
  const out: ProtocolDiff['states'] = { added: [], removed: [], changed: [] };
  for (const [path, s] of before) if (!after.has(path)) out.removed.push({ path, title: s.meta.title });
  for (const [path, s] of after) {
    const old = before.get(path);
    if (!old) {
      out.added.push({ path, title: s.meta.title });
      continue;
    }
    const changes = STATE_FIELDS.filter(([, get]) => !deepEqual(get(old), get(s))).map(([kind]) => kind);
    if (changes.length > 0) out.changed.push({ path, title: s.meta.title, changes });
  }
  return out;
}

const TRANSITION_FIELDS: [TransitionChangeKind, (t: TransitionConfig) => unknown][] = [
  ['target', (t) => t.target],
  ['guard', (t) => t.guard],
  ['actions', (t) => t.actions ?? []],
  ['roles', (t) => t.roles],
  ['description', (t) => t.description],
];

function diffTransitions(a: ResolvedProtocol, b: ResolvedProtocol): ProtocolDiff['transitions'] {
  const key = (t: TransitionEntry) => `${t.source}\u0000${t.event}\u0000${t.index}`;
  const before = new Map(listTransitions(a.machine).map((t) => [key(t), t]));
  const after = new Map(listTransitions(b.machine).map((t) => [key(t), t]));
  const out: ProtocolDiff['transitions'] = { added: [], removed: [], changed: [] };
  const ref = (t: TransitionEntry) => ({
    source: t.source,
    event: t.event,
    index: t.index,
    transition: t.transition,
  });
  for (const [k, t] of before) if (!after.has(k)) out.removed.push(ref(t));
  for (const [k, t] of after) {
    const old = before.get(k);
    if (!old) {
      out.added.push(ref(t));
      continue;
    }
    const changes = TRANSITION_FIELDS.filter(
      ([, get]) => !deepEqual(get(old.transition), get(t.transition)),
    ).map(([kind]) => kind);
    if (changes.length > 0) {
      out.changed.push({
        source: t.source,
        event: t.event,
        index: t.index,
        changes,
        before: old.transition,
        after: t.transition,
      });
    }
  }
  return out;
}

function diffNamed<T, K extends string>(
  a: Record<string, T>,
  b: Record<string, T>,
  aspects: Record<K, (x: T, y: T) => boolean>,
): NamedDiff<K> {
  const out: NamedDiff<K> = { added: [], removed: [], changed: [] };
  for (const name of Object.keys(a)) if (!Object.hasOwn(b, name)) out.removed.push(name);
  for (const name of Object.keys(b)) {
    if (!Object.hasOwn(a, name)) {
      out.added.push(name);
      continue;
    }
    const changes = (Object.keys(aspects) as K[]).filter((k) => !aspects[k](a[name]!, b[name]!));
    if (changes.length > 0) out.changed.push({ name, changes });
  }
  return out;
}

function byId<T extends { id: string }>(list: T[]): Record<string, T> {
  return Object.fromEntries(list.map((x) => [x.id, x]));
}

function diffForms(
  a: Record<string, FormDefinition>,
  b: Record<string, FormDefinition>,
): ProtocolDiff['forms'] {
  const out: ProtocolDiff['forms'] = { added: [], removed: [], changed: [] };
  for (const id of Object.keys(a)) if (!Object.hasOwn(b, id)) out.removed.push(id);
  for (const id of Object.keys(b)) {
    if (!Object.hasOwn(a, id)) {
      out.added.push(id);
      continue;
    }
    const d = diffForm(a[id]!, b[id]!);
    if (
      d.changes.length > 0 ||
      d.fields.added.length + d.fields.removed.length + d.fields.changed.length > 0
    ) {
      out.changed.push(d);
    }
  }
  return out;
}

function diffForm(a: FormDefinition, b: FormDefinition): FormDiff {
  const changes: FormDiff['changes'] = [];
  if (!deepEqual(a.title, b.title)) changes.push('title');
  if (!deepEqual(a.description, b.description)) changes.push('description');
  if (a.version !== b.version) changes.push('version');
  if (!deepEqual(a.uiSchema, b.uiSchema)) changes.push('uiSchema');
  if (!deepEqual(a.examples, b.examples)) changes.push('examples');
  if (!deepEqual(rules(formFieldTree(a)), rules(formFieldTree(b)))) changes.push('rules');

  const before = new Map(listFormFields(a).map((f) => [f.path, f]));
  const after = new Map(listFormFields(b).map((f) => [f.path, f]));
  const fields: FormDiff['fields'] = { added: [], removed: [], changed: [] };
  for (const path of before.keys()) if (!after.has(path)) fields.removed.push(path);
  for (const [path, f] of after) {
    const old = before.get(path);
    if (!old) {
      fields.added.push(path);
      continue;
    }
    const kinds = fieldChanges(old, f);
    if (kinds.length > 0) fields.changed.push({ path, changes: kinds });
  }
  return { id: b.id, changes, fields };
}

function fieldChanges(a: FormField, b: FormField): FieldChangeKind[] {
  const out: FieldChangeKind[] = [];
  const types = (f: FormField) =>
    [...new Set(f.definitions.map((d) => d.type).filter((t) => t !== undefined))].sort();
  const first = <K extends keyof FieldSchema>(f: FormField, k: K) =>
    f.definitions.find((d) => d[k] !== undefined)?.[k];
  if (!deepEqual(types(a), types(b))) out.push('type');
  if (a.required !== b.required) out.push('required');
  if (!deepEqual(a.label, b.label)) out.push('label');
  if (!deepEqual(first(a, 'x-help'), first(b, 'x-help'))) out.push('help');
  if (a.sensitive !== b.sensitive) out.push('sensitive');
  if (a.shareable !== b.shareable || a.notShareable !== b.notShareable) out.push('shareable');
  if (!deepEqual(first(a, 'x-protectionNeed'), first(b, 'x-protectionNeed'))) out.push('protectionNeed');
  if (
    !deepEqual(first(a, 'enum'), first(b, 'enum')) ||
    !deepEqual(first(a, 'x-enumLabels'), first(b, 'x-enumLabels'))
  ) {
    out.push('enum');
  }
  if (!deepEqual(rules(a), rules(b))) out.push('constraints');
  return out;
}

/** What a field's definitions say beyond what is compared on its own or belongs to its sub-fields. */
function rules(f: FormField): unknown[] {
  return f.definitions.map((d) => {
    const {
      type: _type,
      properties: _properties,
      items: _items,
      required: _required,
      enum: _enum,
      'x-label': _label,
      'x-help': _help,
      'x-enumLabels': _enumLabels,
      'x-sensitive': _sensitive,
      'x-shareable': _shareable,
      'x-protectionNeed': _protectionNeed,
      ...rest
    } = d;
    return rest;
  });
}
