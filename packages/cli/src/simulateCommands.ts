import {
  compileProtocol,
  fireTimer,
  openCase,
  replay,
  step,
  type Actor,
  type CaseState,
  type CompiledProtocol,
  type ConformanceReport,
  type EngineDeps,
  type EventRecord,
  type ProtocolRef,
  type Rejection,
  type StateValue,
  type StepResult,
} from '@ruta/engine';
import { COUNTRIES, ROLES, type Country, type ResolvedProtocol } from '@ruta/protocol';

/** One line of an events file: an event to send, the form data it carries, and who sends it. */
export interface SimulationCommand {
  /** A protocol event, or "after:<delay>" to let a pending timer run out. */
  event: string;
  data?: unknown;
  actor: Actor;
}

export interface SimulationStep {
  /** 1-based position in the events file. */
  index: number;
  event: string;
  ok: boolean;
  from: StateValue;
  to: StateValue;
  reasons: Rejection[];
}

export interface SimulationResult {
  ok: boolean;
  protocol: ProtocolRef;
  country: Country;
  opened: StateValue;
  steps: SimulationStep[];
  final: { value: StateValue; status: CaseState['status'] };
  /** The history the simulation produced, replayed against the protocol. */
  conformance: ConformanceReport;
}

/** The simulated clock starts here and moves a minute per command (or to a timer's due time). */
export const SIMULATION_START = '2025-01-01T08:00:00.000Z';

/**
 * Reads an events file's content: a list of `{event, data?, actor?: {role, country, userId?}}`.
 * The actor defaults to a case worker of the case's country. Errors say which entry to fix.
 */
export function parseCommands(
  value: unknown,
  country: Country,
): { ok: true; commands: SimulationCommand[] } | { ok: false; errors: string[] } {
  if (!Array.isArray(value))
    return {
      ok: false,
      errors: ['the events file must hold a list: [{"event": "...", "data": {...}}, ...]'],
    };
  const errors: string[] = [];
  const commands: SimulationCommand[] = [];
  value.forEach((entry: unknown, i) => {
    const at = `entry ${i + 1}`;
    if (!isRecord(entry))
      return void errors.push(`${at}: must be an object {"event": "...", "data"?: {...}, "actor"?: {...}}`);
    const { event, data, actor = {} } = entry;
    if (typeof event !== 'string' || event === '')
      return void errors.push(`${at}: "event" must be the name of an event`);
    if (!isRecord(actor))
      return void errors.push(`${at}: "actor" must be an object {"role": "...", "country": "..."}`);
    const role = ROLES.find((r) => r === (actor.role ?? 'caseworker'));
    if (!role) return void errors.push(`${at}: actor.role must be one of ${ROLES.join(', ')}`);
    const actorCountry =
      actor.country === 'REGIONAL' ? 'REGIONAL' : COUNTRIES.find((c) => c === (actor.country ?? country));
    if (!actorCountry)
      return void errors.push(`${at}: actor.country must be REGIONAL or one of ${COUNTRIES.join(', ')}`);
    const userId = actor.userId ?? `sim-${role}`;
    if (typeof userId !== 'string' || userId === '')
      return void errors.push(`${at}: actor.userId must be a non-empty string`);
    const resolved: Actor = { userId, role, country: actorCountry };
    commands.push(data === undefined ? { event, actor: resolved } : { event, data, actor: resolved });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, commands };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Opens a case under the protocol and sends it every command through the engine, with a
 * simulated clock and ids so the output never changes between runs; then replays the history it
 * produced. A rejected command leaves the case as it was and the next command is still sent.
 *
 * @throws ProtocolCompileError (from the engine) when the protocol cannot run at all.
 */
export function simulateCommands(
  protocol: ResolvedProtocol,
  commands: readonly SimulationCommand[],
  country: Country,
): SimulationResult {
  const compiled = compileProtocol(protocol);
  let minute = 0;
  let now = SIMULATION_START;
  let nextId = 0;
  const deps: EngineDeps = { clock: () => now, ids: () => `sim-${String(++nextId).padStart(4, '0')}` };
  const tick = () => {
    minute++;
    now = new Date(Date.parse(SIMULATION_START) + minute * 60_000).toISOString();
  };

  const opener: Actor = { userId: 'sim-caseworker', role: 'caseworker', country };
  const opened = openCase(compiled, { id: 'sim-case', country, actor: opener }, deps);
  let c = opened.case;
  const history: EventRecord[] = [opened.event];
  const steps: SimulationStep[] = [];

  commands.forEach((command, i) => {
    tick();
    const from = c.value;
    const result = command.event.startsWith('after:')
      ? runTimer(compiled, c, command.event.slice(6), deps, (at) => (now = at > now ? at : now))
      : step(compiled, c, command, deps);
    if (result.ok) {
      c = result.case;
      history.push(result.event);
      steps.push({ index: i + 1, event: command.event, ok: true, from, to: c.value, reasons: [] });
    } else {
      steps.push({ index: i + 1, event: command.event, ok: false, from, to: from, reasons: result.reasons });
    }
  });

  const conformance = replay(history, (ref) =>
    ref.id === compiled.ref.id && ref.version === compiled.ref.version ? compiled : undefined,
  );
  return {
    ok: steps.every((s) => s.ok) && conformance.ok,
    protocol: compiled.ref,
    country,
    opened: opened.case.value,
    steps,
    final: { value: c.value, status: c.status },
    conformance,
  };
}

/** Lets the pending timer of a delay run out: the clock moves to its due time and it fires. */
function runTimer(
  compiled: CompiledProtocol,
  c: CaseState,
  delay: string,
  deps: EngineDeps,
  advanceTo: (at: string) => void,
): StepResult {
  const timer = c.timers.find((t) => t.event.startsWith(`xstate.after.${delay}.`));
  if (!timer) {
    return {
      ok: false,
      reasons: [
        {
          code: 'event-not-available',
          message: `no timer "${delay}" is running in the current state`,
          event: `after:${delay}`,
          available: c.timers.map((t) => `after:${t.event.split('.')[2] ?? t.event}`),
        },
      ],
    };
  }
  advanceTo(timer.dueAt);
  return fireTimer(compiled, c, timer, deps);
}
