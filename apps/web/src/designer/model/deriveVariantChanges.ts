import { asList } from '@ruta/protocol';
import type {
  AnchoredDuration,
  FieldSchema,
  FormDefinition,
  ResolvedProtocol,
  StateConfig,
  StateMeta,
  StateMetaPatch,
  TransitionsConfig,
  VariantChange,
  VariantDuration,
} from '@ruta/protocol';
import { sameJson } from './sameJson.js';

/** An edit a variant cannot express (the variant format has no operation for it). */
export interface InexpressibleChange {
  /** Key of the designer's `variant.inexpressible.*` translations. */
  code:
    | 'population'
    | 'profile'
    | 'invariants'
    | 'initial'
    | 'removed-event'
    | 'removed-guard'
    | 'removed-delay'
    | 'removed-form';
  name?: string;
}

/**
 * The variant changes that turn `base` into `edited`, smallest first: a new state is one
 * addState, a changed institution one setStateMeta, a new field one addField. Where no finer
 * operation fits (a state's kind or children changed) the whole state or form is replaced.
 * Edits the format cannot express are listed in `inexpressible` so the designer is told,
 * never silently dropped.
 */
export function deriveVariantChanges(
  base: ResolvedProtocol,
  edited: ResolvedProtocol,
): { changes: VariantChange[]; inexpressible: InexpressibleChange[] } {
  const changes: VariantChange[] = [];
  const inexpressible: InexpressibleChange[] = [];

  // The title and description travel in the variant file itself (see variantFileFor).
  if (base.population !== edited.population) inexpressible.push({ code: 'population' });
  if (!sameJson(base.profile, edited.profile)) inexpressible.push({ code: 'profile' });
  if (!sameJson(base.invariants, edited.invariants) || !sameJson(base.ownInvariants, edited.ownInvariants))
    inexpressible.push({ code: 'invariants' });
  if (base.machine.initial !== edited.machine.initial) inexpressible.push({ code: 'initial' });

  for (const [name, def] of Object.entries(edited.events))
    if (!sameJson(base.events[name], def)) changes.push({ op: 'setEvent', event: name, definition: def });
  for (const name of Object.keys(base.events))
    if (!Object.hasOwn(edited.events, name)) inexpressible.push({ code: 'removed-event', name });
  for (const [name, guard] of Object.entries(edited.guards))
    if (!sameJson(base.guards[name], guard)) changes.push({ op: 'setGuard', name, guard });
  for (const name of Object.keys(base.guards))
    if (!Object.hasOwn(edited.guards, name)) inexpressible.push({ code: 'removed-guard', name });
  for (const [name, delay] of Object.entries(edited.delays ?? {})) {
    const before = base.delays?.[name];
    if (sameJson(before, delay)) continue;
    changes.push({ op: 'setDelay', name, delay: dropping(before, delay) });
  }
  for (const name of Object.keys(base.delays ?? {}))
    if (!Object.hasOwn(edited.delays ?? {}, name)) inexpressible.push({ code: 'removed-delay', name });

  for (const [id, form] of Object.entries(edited.forms)) {
    const before = base.forms[id];
    if (!before) changes.push({ op: 'addForm', form });
    else if (!sameJson(before, form)) changes.push(...formChanges(before, form));
  }
  for (const id of Object.keys(base.forms))
    if (!Object.hasOwn(edited.forms, id)) inexpressible.push({ code: 'removed-form', name: id });

  const transitions: VariantChange[] = [];
  diffOn(base.machine.on ?? {}, edited.machine.on ?? {}, '', transitions);
  diffStates(base.machine.states, edited.machine.states, '', changes, transitions);
  changes.push(...transitions);
  return { changes, inexpressible };
}

function diffStates(
  before: Record<string, StateConfig>,
  after: Record<string, StateConfig>,
  prefix: string,
  out: VariantChange[],
  transitions: VariantChange[],
): void {
  const at = (k: string) => (prefix === '' ? k : `${prefix}.${k}`);
  for (const key of Object.keys(before))
    if (!Object.hasOwn(after, key)) out.push({ op: 'removeState', path: at(key) });
  for (const [key, state] of Object.entries(after)) {
    const path = at(key);
    const old = before[key];
    if (!old) {
      out.push({ op: 'addState', path, state });
      continue;
    }
    if (sameJson(old, state)) continue;
    if (!sameJson(shell(old), shell(state)) || !metaExpressible(old.meta, state.meta)) {
      out.push({ op: 'replaceState', path, state });
      continue;
    }
    const meta = metaPatch(old.meta, state.meta);
    if (Object.keys(meta).length) out.push({ op: 'setStateMeta', path, meta });
    if (old.meta.deadline && !state.meta.deadline) out.push({ op: 'removeDeadline', path });
    diffOn(old.on ?? {}, state.on ?? {}, path, transitions);
    diffStates(old.states ?? {}, state.states ?? {}, path, out, transitions);
  }
}

/** Everything of a state but its metadata, transitions and children (which have finer ops). */
function shell(s: StateConfig): Partial<StateConfig> {
  const { meta: _m, on: _o, states, ...rest } = s;
  return {
    ...rest,
    states: Object.fromEntries(Object.keys(states ?? {}).map((k) => [k, {} as StateConfig])),
  };
}

const MERGEABLE: (keyof StateMeta)[] = [
  'institution',
  'handover',
  'deadline',
  'roles',
  'title',
  'legal',
  'form',
  'description',
];

/**
 * setStateMeta merges (and appends legal references it does not have yet), so a removed key
 * other than the deadline, or legal references removed or reordered, need the state replaced.
 */
function metaExpressible(a: StateMeta, b: StateMeta): boolean {
  for (const k of Object.keys(a) as (keyof StateMeta)[]) {
    if (b[k] === undefined && a[k] !== undefined && k !== 'deadline') return false;
  }
  if (!a.legal.every((ref, i) => sameJson(ref, b.legal[i]))) return false;
  // Appended references already in the list would be merged away.
  for (let i = a.legal.length; i < b.legal.length; i++) {
    if (b.legal.slice(0, i).some((ref) => sameJson(ref, b.legal[i]))) return false;
  }
  for (const k of Object.keys(b) as (keyof StateMeta)[])
    if (!MERGEABLE.includes(k)) return sameJson(a[k], b[k]);
  return true;
}

function metaPatch(a: StateMeta, b: StateMeta): StateMetaPatch {
  const out: StateMetaPatch = {};
  for (const k of Object.keys(b) as (keyof StateMeta)[]) {
    if (!sameJson(a[k], b[k]))
      (out as Record<string, unknown>)[k] =
        k === 'legal'
          ? b.legal.slice(a.legal.length)
          : k === 'deadline'
            ? dropping(a.deadline, b.deadline!)
            : b[k];
  }
  return out;
}

/**
 * A deadline or delay as a variant writes it: one without "from" would keep the base's anchor,
 * so counting from the step again over an anchored base is written "from": null.
 */
function dropping(before: AnchoredDuration | undefined, after: AnchoredDuration): VariantDuration {
  return before?.from !== undefined && after.from === undefined ? { ...after, from: null } : after;
}

function diffOn(
  before: Record<string, TransitionsConfig>,
  after: Record<string, TransitionsConfig>,
  from: string,
  out: VariantChange[],
): void {
  for (const event of Object.keys(before))
    if (!Object.hasOwn(after, event)) out.push({ op: 'removeTransition', from, event });
  for (const [event, ts] of Object.entries(after)) {
    const old = before[event];
    if (old === undefined) {
      for (const transition of asList(ts)) out.push({ op: 'addTransition', from, event, transition });
      continue;
    }
    if (sameJson(asList(old), asList(ts))) continue;
    const a = asList(old);
    const b = asList(ts);
    if (b.length > a.length && a.every((t, i) => sameJson(t, b[i]))) {
      for (const transition of b.slice(a.length)) out.push({ op: 'addTransition', from, event, transition });
    } else out.push({ op: 'replaceTransition', from, event, transitions: ts });
  }
}

/**
 * A changed form as field operations when only fields changed (added, removed, changed, made
 * required or optional), else one replaceForm.
 */
function formChanges(before: FormDefinition, after: FormDefinition): VariantChange[] {
  const { schema: sa, ...ra } = before;
  const { schema: sb, ...rb } = after;
  if (!sameJson(ra, rb)) return [{ op: 'replaceForm', form: after }];
  const ops = fieldChanges(after.id, sa, sb, '');
  return ops ?? [{ op: 'replaceForm', form: after }];
}

function fieldChanges(form: string, a: FieldSchema, b: FieldSchema, prefix: string): VariantChange[] | null {
  const { properties: pa = {}, required: qa = [], ...ra } = a;
  const { properties: pb = {}, required: qb = [], ...rb } = b;
  if (!sameJson(ra, rb)) return null;
  const out: VariantChange[] = [];
  const at = (k: string) => (prefix === '' ? k : `${prefix}.${k}`);
  for (const key of Object.keys(pa))
    if (!Object.hasOwn(pb, key)) out.push({ op: 'removeField', form, field: at(key) });
  for (const [key, schema] of Object.entries(pb)) {
    const old = pa[key];
    const required = qb.includes(key);
    if (!old) {
      out.push({ op: 'addField', form, field: at(key), schema, required });
      continue;
    }
    if (sameJson(old, schema) && qa.includes(key) === required) continue;
    if (old.type === 'object' && schema.type === 'object' && qa.includes(key) === required) {
      const inner = fieldChanges(form, old, schema, at(key));
      if (inner) {
        out.push(...inner);
        continue;
      }
    }
    out.push({ op: 'replaceField', form, field: at(key), schema, required });
  }
  return out;
}
