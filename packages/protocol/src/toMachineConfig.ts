import { asList } from './stateTree.js';
import type { ActionConfig, MachineConfig, ProtocolFile, StateConfig, TransitionsConfig } from './types.js';

/**
 * The XState v5 machine config of a protocol, as plain JSON: guards become `{ type: name }`,
 * actions stay `{ type, params }`, delays stay named. The caller supplies the implementations
 * (`setup({ guards, actions, delays })`): the engine evaluates guards as JSON Logic over the
 * case, the verifier explores every guard outcome.
 *
 * Ruta-only fields (transition roles and descriptions) are left out: XState does not read them.
 *
 * @example
 *   const { config, delays } = toMachineConfig(protocol);
 *   const machine = setup({ guards, actions, delays }).createMachine(config);
 */
export function toMachineConfig(protocol: Pick<ProtocolFile, 'machine' | 'delays'>): {
  config: XStateConfig;
  /** Milliseconds of each named delay. */
  delays: Record<string, number>;
} {
  const delays: Record<string, number> = {};
  for (const [name, d] of Object.entries(protocol.delays ?? {})) delays[name] = d.hours * 3_600_000;
  return { config: convertMachine(protocol.machine), delays };
}

export interface XStateTransition {
  target?: string;
  guard?: { type: string };
  actions?: ActionConfig[];
}
export interface XStateNode {
  id?: string;
  type?: StateConfig['type'];
  initial?: string;
  states?: Record<string, XStateNode>;
  on?: Record<string, XStateTransition[]>;
  after?: Record<string, XStateTransition[]>;
  onDone?: XStateTransition[];
  entry?: ActionConfig[];
  exit?: ActionConfig[];
  tags?: string[];
  meta?: StateConfig['meta'];
}
export interface XStateConfig extends XStateNode {
  id: string;
  initial: string;
}

function convertMachine(machine: MachineConfig): XStateConfig {
  const out: XStateConfig = { id: machine.id, initial: machine.initial };
  out.states = convertStates(machine.states);
  if (machine.on) out.on = convertOn(machine.on);
  return out;
}

function convertStates(states: Record<string, StateConfig>): Record<string, XStateNode> {
  const out: Record<string, XStateNode> = {};
  for (const [key, s] of Object.entries(states)) out[key] = convertState(s);
  return out;
}

function convertState(s: StateConfig): XStateNode {
  const out: XStateNode = {};
  if (s.id !== undefined) out.id = s.id;
  if (s.type !== undefined) out.type = s.type;
  if (s.initial !== undefined) out.initial = s.initial;
  if (s.states) out.states = convertStates(s.states);
  if (s.on) out.on = convertOn(s.on);
  if (s.after) out.after = convertOn(s.after);
  if (s.onDone) out.onDone = convertTransitions(s.onDone);
  if (s.entry) out.entry = s.entry;
  if (s.exit) out.exit = s.exit;
  if (s.tags) out.tags = s.tags;
  out.meta = s.meta;
  return out;
}

function convertOn(on: Record<string, TransitionsConfig>): Record<string, XStateTransition[]> {
  const out: Record<string, XStateTransition[]> = {};
  for (const [event, ts] of Object.entries(on)) out[event] = convertTransitions(ts);
  return out;
}

function convertTransitions(ts: TransitionsConfig): XStateTransition[] {
  return asList(ts).map((t) => {
    const x: XStateTransition = {};
    if (t.target !== undefined) x.target = t.target;
    if (t.guard !== undefined) x.guard = { type: t.guard };
    if (t.actions) x.actions = t.actions;
    return x;
  });
}
