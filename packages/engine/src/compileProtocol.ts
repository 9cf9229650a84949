import {
  asList,
  createFormValidator,
  parseAnchor,
  toMachineConfig,
  type FormValidator,
  type ActionConfig,
  type JsonLogic,
  type LegalRef,
  type ResolvedProtocol,
  type Role,
  type StateConfig,
  type Text,
  type TransitionConfig,
  type XStateNode,
  type XStateTransition,
} from '@ruta/protocol';
import { setup, type AnyStateMachine } from 'xstate';
import { canonicalJson } from './canonicalJson.js';
import { profileProblem } from './evaluateProfile.js';
import { createRuntime, type Runtime } from './runtime.js';
import type { ProtocolRef } from './types.js';

/** Where a deadline or timer counts from: a field of a recorded form (the protocol's `from`). */
export interface CompiledAnchor {
  form: string;
  /** The keys down to the field inside the form's data, e.g. ["detectedAt"]. */
  path: readonly string[];
}

/** An action of the protocol with everything resolved that can be resolved before a case exists. */
export type CompiledAction =
  /** `form` is params.form or the source state's form. */
  | { type: 'recordForm'; form: string }
  | { type: 'setDeadline'; name: string; hours: number; title: Text; from?: CompiledAnchor }
  | { type: 'clearDeadline'; name: string }
  | Extract<ActionConfig, { type: 'notifyFocalPoint' | 'openLinkedCase' }>;

export interface CompiledState {
  /** Dotted path from the machine root, e.g. "protection.shelter". */
  path: string;
  key: string;
  parent: string | null;
  /** Position in document order (parents before children). */
  order: number;
  /** XState's id of the node: its explicit `id`, else "<machine id>.<path>". */
  nodeId: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final';
  title: Text;
  description?: Text;
  form?: string;
  roles?: Role[];
  /** Due `hours` after entering the state, or after the instant `from` records (see anchoredDue). */
  deadline?: { hours: number; from?: CompiledAnchor };
  legal: LegalRef[];
  institution?: Text;
  tags: string[];
  entry: CompiledAction[];
  exit: CompiledAction[];
  /** The delayed transitions leaving this state: each starts a case timer on entry (or counts from `from`). */
  timers: { event: string; delay: string; ms: number; from?: CompiledAnchor }[];
}

export interface CompiledTransition {
  /** Position among all transitions of the protocol. */
  index: number;
  /** Path of the state it leaves; "" for the machine root's `on`. */
  source: string;
  /** The event that triggers it: a protocol event, a timer event "xstate.after.<delay>.<node id>", or "done.state.<node id>". */
  event: string;
  kind: 'event' | 'after' | 'done';
  guard?: string;
  target?: string;
  roles?: Role[];
  description?: Text;
  actions: CompiledAction[];
}

/**
 * A protocol version ready to run cases: its XState machine and everything a step needs,
 * computed once. Treat as read-only; compile with compileProtocol (it caches per protocol object).
 */
export interface CompiledProtocol {
  readonly protocol: ResolvedProtocol;
  readonly ref: ProtocolRef;
  /** Canonical JSON of `ref`. */
  readonly refText: string;
  /**
   * The XState v5 machine: toMachineConfig's config with each state's entry/exit and each
   * transition's actions replaced by one marker action that names the compiled state or
   * transition, whose actions the engine then runs itself (they never touch XState context).
   */
  readonly machine: AnyStateMachine;
  readonly states: ReadonlyMap<string, CompiledState>;
  readonly transitions: readonly CompiledTransition[];
  /** Title of each protocol event, for action buttons. */
  readonly events: ReadonlyMap<string, { title: Text; description?: Text }>;
  readonly forms: ReadonlyMap<string, FormValidator>;
  /** Per form, its top-level date fields marked x-past: not later than the step recording them. */
  readonly pastFields: ReadonlyMap<string, readonly { key: string; format: 'date' | 'date-time' }[]>;
  readonly guards: ReadonlyMap<string, { logic: JsonLogic; description: Text }>;
  /** Guards that read the submitted form (`{"var": "form..."}`), not only the case. */
  readonly formGuards: ReadonlySet<string>;
  /** Forms the profile mappings read (case.<form>...), or null when they may read anything. */
  readonly profileReads: ReadonlySet<string> | null;
  /** @internal Caches and the guard scope: not for use outside the engine. */
  readonly runtime: Runtime;
}

/** Thrown by compileProtocol when a protocol cannot run; `problems` says what to fix. */
export class ProtocolCompileError extends Error {
  constructor(
    readonly protocolId: string,
    readonly problems: string[],
  ) {
    super(`Protocol "${protocolId}" cannot run: ${problems.join('; ')}`);
    this.name = 'ProtocolCompileError';
  }
}

/** Marker actions: the only actions XState sees. */
export const ENTER = 'ruta.enter';
export const EXIT = 'ruta.exit';
export const TAKE = 'ruta.take';
/** What XState did, named by the marker action it ran; `records` are the forms its actions record. */
export type Marker =
  | { type: typeof ENTER; state: CompiledState; records: readonly string[] }
  | { type: typeof EXIT; state: CompiledState; records: readonly string[] }
  | { type: typeof TAKE; transition: CompiledTransition; records: readonly string[] };

/** The forms a list of actions records, each once, in order. */
function recordsOf(actions: readonly CompiledAction[]): string[] {
  const out: string[] = [];
  for (const a of actions) if (a.type === 'recordForm' && !out.includes(a.form)) out.push(a.form);
  return out;
}

const compiledCache = new WeakMap<ResolvedProtocol, CompiledProtocol>();

/**
 * Compiles a resolved protocol version. The result is cached on the protocol object, so calling
 * this for every request is cheap; do not mutate a protocol after compiling it.
 *
 * @throws ProtocolCompileError when the protocol names a guard, delay or form it does not define.
 * @example
 *   const compiled = compileProtocol(protocol);
 *   const { case: c, event } = openCase(compiled, { id, country: 'GT', actor }, deps);
 */
export function compileProtocol(protocol: ResolvedProtocol): CompiledProtocol {
  const cached = compiledCache.get(protocol);
  if (cached) return cached;
  const compiled = build(protocol);
  compiledCache.set(protocol, compiled);
  return compiled;
}

function build(protocol: ResolvedProtocol): CompiledProtocol {
  const problems: string[] = [];
  const { config, delays } = toMachineConfig(protocol);
  const anchorOf = (from: unknown, where: string): CompiledAnchor | undefined => {
    if (from === undefined) return undefined;
    const anchor = parseAnchor(from);
    if (!anchor) {
      problems.push(
        `${where}: "from" must name a field as {"field": "<form id>.<field>"}, e.g. {"field": "cr-detection.detectedAt"}`,
      );
      return undefined;
    }
    return { form: anchor.form, path: anchor.path.split('.') };
  };
  const delayAnchors = new Map<string, CompiledAnchor>();
  for (const [name, delay] of Object.entries(protocol.delays ?? {})) {
    const anchor = anchorOf(delay?.from, `delay "${name}"`);
    if (anchor) delayAnchors.set(name, anchor);
  }
  for (const name of Object.keys(delays)) {
    if (!Number.isNaN(Number(name)))
      problems.push(`delay "${name}" is a number: XState would read it as milliseconds; give it a name`);
  }

  const states = new Map<string, CompiledState>();
  const transitions: CompiledTransition[] = [];
  const forms = new Map<string, FormValidator>();
  for (const [id, form] of Object.entries(protocol.forms ?? {})) {
    try {
      forms.set(id, createFormValidator(form));
    } catch (err) {
      problems.push(`form "${id}" has a schema that cannot be compiled: ${(err as Error).message}`);
    }
  }
  const pastFields = new Map<string, { key: string; format: 'date' | 'date-time' }[]>();
  for (const [id, form] of Object.entries(protocol.forms ?? {})) {
    const fields: { key: string; format: 'date' | 'date-time' }[] = [];
    for (const [key, field] of Object.entries(form.schema?.properties ?? {})) {
      if (field['x-past'] !== true) continue;
      if (field.format === 'date' || field.format === 'date-time') fields.push({ key, format: field.format });
    }
    if (fields.length > 0) pastFields.set(id, fields);
  }
  const guards = new Map(Object.entries(protocol.guards ?? {}));
  for (const [field, logic] of Object.entries(protocol.profile ?? {})) {
    const problem = profileProblem(logic);
    if (problem) problems.push(`profile.${field} cannot be used: ${problem}`);
  }
  const events = new Map<string, { title: Text; description?: Text }>();
  for (const [name, def] of Object.entries(protocol.events ?? {})) {
    events.set(
      name,
      def.description ? { title: def.title, description: def.description } : { title: def.title },
    );
  }

  const compileActions = (
    actions: ActionConfig[] | undefined,
    form: string | undefined,
    where: string,
  ): CompiledAction[] =>
    (actions ?? []).flatMap((a): CompiledAction[] => {
      switch (a.type) {
        case 'recordForm': {
          const id = a.params?.form ?? form;
          if (!id) {
            problems.push(
              `${where}: recordForm names no form and its state has none; set params.form or the state's meta.form`,
            );
            return [];
          }
          if (!forms.has(id) && !Object.hasOwn(protocol.forms ?? {}, id))
            problems.push(`${where}: recordForm uses form "${id}", which the protocol does not embed`);
          return [{ type: 'recordForm', form: id }];
        }
        case 'setDeadline':
          if (!(a.params.hours >= 0))
            problems.push(`${where}: setDeadline "${a.params.name}" needs hours >= 0`);
          {
            const from = anchorOf(a.params.from, `${where}: setDeadline "${a.params.name}"`);
            const compiled: CompiledAction = {
              type: 'setDeadline',
              name: a.params.name,
              hours: a.params.hours,
              title: a.params.title,
            };
            return [from ? { ...compiled, from } : compiled];
          }
        case 'clearDeadline':
          return [{ type: 'clearDeadline', name: a.params.name }];
        case 'notifyFocalPoint':
        case 'openLinkedCase':
          return [a];
        default:
          problems.push(`${where}: unknown action type "${(a as { type: string }).type}"`);
          return [];
      }
    });

  // Walk the protocol's states and XState's config together (same keys, same order), replacing
  // actions with markers that carry the compiled state or transition.
  let order = 0;
  const convertTransitions = (
    list: TransitionConfig[],
    xs: XStateTransition[],
    source: string,
    sourceForm: string | undefined,
    event: (i: number) => { event: string; kind: CompiledTransition['kind'] },
    where: string,
  ): void => {
    list.forEach((t, i) => {
      const x = xs[i]!;
      if (t.guard !== undefined && !guards.has(t.guard))
        problems.push(`${where}: guard "${t.guard}" is not in the protocol's guards`);
      const ct: CompiledTransition = {
        index: transitions.length,
        source,
        ...event(i),
        actions: compileActions(t.actions, sourceForm, where),
      };
      if (t.guard !== undefined) ct.guard = t.guard;
      if (t.target !== undefined) ct.target = t.target;
      if (t.roles) ct.roles = t.roles;
      if (t.description) ct.description = t.description;
      transitions.push(ct);
      const take: Marker = { type: TAKE, transition: ct, records: recordsOf(ct.actions) };
      x.actions = [{ type: TAKE, params: take } as unknown as ActionConfig];
    });
  };
  const pending: { path: string; state: CompiledState; config: StateConfig; node: XStateNode }[] = [];
  const visit = (
    protoStates: Record<string, StateConfig>,
    xStates: Record<string, XStateNode>,
    parent: string | null,
  ) => {
    for (const [key, s] of Object.entries(protoStates)) {
      const path = parent === null ? key : `${parent}.${key}`;
      const node = xStates[key]!;
      const type: CompiledState['type'] =
        s.type ?? (s.states && Object.keys(s.states).length > 0 ? 'compound' : 'atomic');
      const meta = s.meta ?? { title: { es: key, en: key }, legal: [] };
      const cs: CompiledState = {
        path,
        key,
        parent,
        order: order++,
        nodeId: s.id ?? `${protocol.machine.id}.${path}`,
        type,
        title: meta.title,
        legal: meta.legal ?? [],
        tags: s.tags ?? [],
        entry: compileActions(s.entry, meta.form, `state "${path}" entry`),
        exit: compileActions(s.exit, meta.form, `state "${path}" exit`),
        timers: [],
      };
      if (meta.description) cs.description = meta.description;
      if (meta.form !== undefined) {
        cs.form = meta.form;
        if (!Object.hasOwn(protocol.forms ?? {}, meta.form))
          problems.push(`state "${path}": form "${meta.form}" is not embedded in the protocol`);
      }
      if (meta.roles) cs.roles = meta.roles;
      if (meta.deadline) {
        const from = anchorOf(meta.deadline.from, `state "${path}" deadline`);
        cs.deadline = from ? { hours: meta.deadline.hours, from } : { hours: meta.deadline.hours };
      }
      if (meta.institution) cs.institution = meta.institution;
      states.set(path, cs);
      // Each marker action's params is the marker itself: XState hands it back as is, so a step
      // makes no marker objects of its own.
      const enter: Marker = { type: ENTER, state: cs, records: recordsOf(cs.entry) };
      const exit: Marker = { type: EXIT, state: cs, records: recordsOf(cs.exit) };
      node.entry = [{ type: ENTER, params: enter } as unknown as ActionConfig];
      node.exit = [{ type: EXIT, params: exit } as unknown as ActionConfig];
      pending.push({ path, state: cs, config: s, node });
      if (s.states && node.states) visit(s.states, node.states, path);
    }
  };
  visit(protocol.machine.states, config.states ?? {}, null);

  // Transitions after every state is known, so ids are XState's.
  if (protocol.machine.on && config.on) {
    for (const [event, ts] of Object.entries(protocol.machine.on)) {
      convertTransitions(
        asList(ts),
        config.on[event]!,
        '',
        undefined,
        () => ({ event, kind: 'event' }),
        `machine.on.${event}`,
      );
    }
  }
  for (const { path, state, config: s, node } of pending) {
    const form = state.form;
    for (const [event, ts] of Object.entries(s.on ?? {})) {
      convertTransitions(
        asList(ts),
        node.on![event]!,
        path,
        form,
        () => ({ event, kind: 'event' }),
        `state "${path}" on ${event}`,
      );
    }
    for (const [delay, ts] of Object.entries(s.after ?? {})) {
      const ms = delays[delay];
      const event = `xstate.after.${delay}.${state.nodeId}`;
      if (ms === undefined)
        problems.push(`state "${path}": delay "${delay}" is not in the protocol's delays`);
      else {
        const from = delayAnchors.get(delay);
        state.timers.push(from ? { event, delay, ms, from } : { event, delay, ms });
      }
      convertTransitions(
        asList(ts),
        node.after![delay]!,
        path,
        form,
        () => ({ event, kind: 'after' }),
        `state "${path}" after ${delay}`,
      );
    }
    if (s.onDone) {
      const event = `xstate.done.state.${state.nodeId}`;
      convertTransitions(
        asList(s.onDone),
        node.onDone!,
        path,
        form,
        () => ({ event, kind: 'done' }),
        `state "${path}" onDone`,
      );
    }
  }
  if (problems.length > 0) throw new ProtocolCompileError(protocol.id, problems);

  const runtime = createRuntime();
  const guardImpls: Record<string, () => boolean> = {};
  for (const name of guards.keys()) guardImpls[name] = () => runtime.guard(name);
  const noop = () => {};
  let machine: AnyStateMachine;
  try {
    const machineSetup = setup({
      guards: guardImpls,
      actions: { [ENTER]: noop, [EXIT]: noop, [TAKE]: noop },
      delays,
    });
    // Our config is plain JSON data XState's generic config types cannot describe (they are
    // built for machines written in TypeScript); XState validates it at runtime instead.
    machine = machineSetup.createMachine(
      config as unknown as Parameters<typeof machineSetup.createMachine>[0],
    );
  } catch (err) {
    throw new ProtocolCompileError(protocol.id, [`XState rejects the statechart: ${(err as Error).message}`]);
  }
  const compiled: CompiledProtocol = {
    protocol,
    ref: { id: protocol.id, version: protocol.version, jurisdiction: protocol.jurisdiction },
    refText: canonicalJson({
      id: protocol.id,
      version: protocol.version,
      jurisdiction: protocol.jurisdiction,
    }),
    machine,
    states,
    transitions,
    events,
    forms,
    pastFields,
    guards,
    profileReads: profileReads(protocol),
    formGuards: new Set([...guards].filter(([, g]) => readsForm(g.logic)).map(([name]) => name)),
    runtime,
  };
  runtime.attach(compiled);
  return compiled;
}

/** Whether JSON Logic mentions the submitted form: a "form" or "form.<field>" variable name. */
function readsForm(logic: JsonLogic): boolean {
  if (typeof logic === 'string') return logic === 'form' || logic.startsWith('form.');
  if (Array.isArray(logic)) return logic.some(readsForm);
  if (typeof logic === 'object' && logic !== null) return Object.values(logic).some(readsForm);
  return false;
}

/** The forms the profile mappings read, so a step that records none of them keeps the profile. */
function profileReads(protocol: ResolvedProtocol): Set<string> | null {
  const forms = new Set<string>();
  let anything = false;
  const walk = (logic: JsonLogic): void => {
    if (Array.isArray(logic)) return logic.forEach(walk);
    if (typeof logic !== 'object' || logic === null) return;
    for (const [op, arg] of Object.entries(logic)) {
      if (op === 'var' || op === 'missing' || op === 'missing_some') {
        const names = (Array.isArray(arg) ? arg.flat() : [arg]).filter((n) => typeof n === 'string');
        if (op === 'var' && typeof (Array.isArray(arg) ? arg[0] : arg) !== 'string') anything = true;
        for (const name of names) {
          const [root, form] = name.split('.');
          if (root !== 'case' || form === undefined) anything = true;
          else forms.add(form);
        }
      }
      walk(arg);
    }
  };
  for (const logic of Object.values(protocol.profile ?? {})) walk(logic as JsonLogic);
  return anything ? null : forms;
}
