import { anchorPath, anchorTexts as texts, anchorUseLabel as label } from './anchorTexts.js';
import { exploreIndex } from './exploreIndex.js';
import { exploreStateSpace, type StateSpace, type StateSpaceEdge } from './exploreStateSpace.js';
import { findFormField, listFormFields, type FormField } from './formFields.js';
import { escapePointer, getState, listStates, listTransitions, type TransitionEntry } from './stateTree.js';
import type { ActionConfig, Problem, ResolvedProtocol, Text } from './types.js';
import { listOf } from './verifyListOf.js';
import { stateLabel } from './verifyStateLabel.js';

/** An anchor read apart: `field` as written, the form id and the field's dotted path in it. */
export interface ParsedAnchor {
  field: string;
  form: string;
  path: string;
}

/**
 * The form and field a deadline's `from` names ({"field": "cr-detection.detectedAt"} -> form
 * "cr-detection", path "detectedAt"), or null when it is not written so.
 */
export function parseAnchor(from: unknown): ParsedAnchor | null {
  if (typeof from !== 'object' || from === null || Array.isArray(from)) return null;
  const field: unknown = (from as { field?: unknown }).field;
  if (typeof field !== 'string') return null;
  const dot = field.indexOf('.');
  if (dot <= 0) return null;
  const path = field.slice(dot + 1);
  if (path.split('.').some((part) => part === '')) return null;
  return { field, form: field.slice(0, dot), path };
}

/** Where an anchored deadline or delay is written and when it starts. */
interface AnchorUse {
  from: unknown;
  /** JSON pointer of the `from`. */
  pointer: string;
  what: Text;
  state?: string;
  /** When the anchor is read: entering a state, taking a transition (before its action), leaving a state. */
  at:
    | { kind: 'enter'; state: string }
    | { kind: 'take'; transition: string; action: number }
    | { kind: 'exit'; state: string }
    | { kind: 'never' };
}

/**
 * Problems of where deadlines and delays count from (`from`), on their own: a `from` that names
 * no field, a form the protocol does not have, a field the form does not have, a field that is
 * not a date and time (format date-time). Whether the form is recorded before is checked on the
 * explored statechart (verifyAnchorsRecorded).
 */
export function verifyDeadlineAnchors(protocol: ResolvedProtocol): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const use of anchorUses(protocol)) {
    if (seen.has(use.pointer)) continue;
    seen.add(use.pointer);
    const problem = staticProblem(protocol, use);
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * Problems of anchored deadlines and delays that can start before their form is recorded: on
 * some path through the explored statechart, the step that starts them comes before any step
 * that records the anchor's form, so the deadline would silently count from the step instead.
 */
export function verifyAnchorsRecorded(protocol: ResolvedProtocol, space: StateSpace): Problem[] {
  const uses = anchorUses(protocol).filter((u) => u.at.kind !== 'never' && !staticProblem(protocol, u));
  if (uses.length === 0 || space.nodes.length === 0) return [];
  const walk = recordingWalk(protocol, space);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const use of uses) {
    const anchor = parseAnchor(use.from)!;
    const { order, eventsTo } = walk.without(anchor.form);
    const found = firstMissing(protocol, walk.transitions, walk.index, order, use, anchor.form, eventsTo);
    if (!found) continue;
    const key = `${use.pointer}|${use.state ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({
      code: 'deadline-anchor-not-recorded',
      location: {
        pointer: `${use.pointer}/field`,
        ...(use.state !== undefined ? { state: use.state } : {}),
        form: anchor.form,
        field: anchor.path,
      },
      ...texts.notRecorded(
        use.what,
        anchor.field,
        anchor.form,
        stateLabel(protocol.machine, found.state),
        anchorPath(found.events),
      ),
    });
  }
  return problems;
}

/**
 * The fields a deadline of the state at `path` can count from, as "<form id>.<field>": the
 * date-time fields of the forms recorded on every way into the state (for a designer's choice).
 * Pass the explored statechart when there is one.
 */
export function anchorFieldsBefore(
  protocol: ResolvedProtocol,
  path: string,
  space: StateSpace = exploreStateSpace(protocol),
): string[] {
  return recordedFields(protocol, space, (walk, form) =>
    walk.without(form).order.some((key) => walk.index.node(key)?.states.includes(path)),
  );
}

/**
 * The fields the `from` at `pointer` can count from, as "<form id>.<field>": the date-time fields
 * of the forms recorded on every way to where it starts. `pointer` is where the `from` is or
 * would be written: "<state>/meta/deadline/from", "/delays/<name>/from" (its every wait), or
 * "<actions>/<i>/params/from" of a setDeadline action (recordForm actions before it count). A
 * pointer that names no deadline, delay or setDeadline gets every date-time field. Pass the
 * explored statechart when there is one.
 *
 * @example anchorFieldsAt(child, '/delays/alert24h/from') // ['cr-detection.detectedAt']
 */
export function anchorFieldsAt(
  protocol: ResolvedProtocol,
  pointer: string,
  space: StateSpace = exploreStateSpace(protocol),
): string[] {
  const sites = anchorSites(protocol).filter((u) => u.pointer === pointer && u.at.kind !== 'never');
  if (sites.length === 0) return dateTimeFields(protocol);
  return recordedFields(protocol, space, (walk, form) => {
    const { order, eventsTo } = walk.without(form);
    return sites.some((site) =>
      firstMissing(protocol, walk.transitions, walk.index, order, site, form, eventsTo),
    );
  });
}

/** The date-time fields whose form is not `missing` on some way through the explored statechart. */
function recordedFields(
  protocol: ResolvedProtocol,
  space: StateSpace,
  missing: (walk: ReturnType<typeof recordingWalk>, form: string) => unknown,
): string[] {
  const fields = dateTimeFields(protocol);
  if (space.nodes.length === 0) return fields;
  const walk = recordingWalk(protocol, space);
  const recorded = new Map<string, boolean>();
  return fields.filter((field) => {
    const form = field.slice(0, field.indexOf('.'));
    let ok = recorded.get(form);
    if (ok === undefined) {
      ok = !missing(walk, form);
      recorded.set(form, ok);
    }
    return ok;
  });
}

/** Walks of the explored statechart that never record a given form, shortest ways first. */
function recordingWalk(protocol: ResolvedProtocol, space: StateSpace) {
  const index = exploreIndex(space);
  const transitions = new Map(listTransitions(protocol.machine).map((t) => [t.pointer, t]));
  const recordCache = new Map<StateSpaceEdge, Set<string>>();
  const recorded = (edge: StateSpaceEdge): Set<string> => {
    let out = recordCache.get(edge);
    if (!out) {
      out = edgeRecords(
        protocol,
        transitions,
        edge,
        index.node(edge.from)?.states,
        index.node(edge.to)?.states,
      );
      recordCache.set(edge, out);
    }
    return out;
  };
  const walks = new Map<string, { order: string[]; eventsTo: (key: string) => string[] }>();
  /** Every configuration some way reaches without recording `form`, by the shortest such way. */
  const without = (form: string) => {
    let walk = walks.get(form);
    if (walk) return walk;
    const via = new Map<string, StateSpaceEdge | null>([[space.initial, null]]);
    const order: string[] = [space.initial];
    for (const key of order) {
      for (const edge of index.outgoing(key)) {
        if (via.has(edge.to) || recorded(edge).has(form)) continue;
        via.set(edge.to, edge);
        order.push(edge.to);
      }
    }
    const eventsTo = (key: string): string[] => {
      const out: string[] = [];
      for (let e = via.get(key); e; e = via.get(e.from)) out.unshift(e.event);
      return out;
    };
    walk = { order, eventsTo };
    walks.set(form, walk);
    return walk;
  };
  return { index, transitions, without };
}

/** The shortest way the anchor's form can still be missing when `use` starts, if there is one. */
function firstMissing(
  protocol: ResolvedProtocol,
  transitions: ReadonlyMap<string, TransitionEntry>,
  index: ReturnType<typeof exploreIndex>,
  order: readonly string[],
  use: AnchorUse,
  form: string,
  eventsTo: (key: string) => string[],
): { state: string; events: string[] } | undefined {
  const at = use.at;
  for (const key of order) {
    const node = index.node(key);
    if (!node) continue;
    if (at.kind === 'enter') {
      if (node.states.includes(at.state)) return { state: at.state, events: eventsTo(key) };
      continue;
    }
    for (const edge of index.outgoing(key)) {
      const to = index.node(edge.to);
      if (at.kind === 'exit') {
        if (node.states.includes(at.state) && !to?.states.includes(at.state))
          return { state: at.state, events: [...eventsTo(key), edge.event] };
      } else if (at.kind === 'take') {
        const position = edge.transitions.indexOf(at.transition);
        if (position < 0) continue;
        if (
          !recordedBefore(protocol, transitions, edge, position, at.action, node.states, to?.states).has(form)
        )
          return {
            state: transitions.get(at.transition)?.source ?? '',
            events: [...eventsTo(key), edge.event],
          };
      }
    }
  }
  return undefined;
}

/** The forms a step along `edge` records: none for a timer (it carries no data). */
function edgeRecords(
  protocol: ResolvedProtocol,
  transitions: ReadonlyMap<string, TransitionEntry>,
  edge: StateSpaceEdge,
  fromStates: readonly string[] | undefined,
  toStates: readonly string[] | undefined,
): Set<string> {
  return recordedBefore(protocol, transitions, edge, edge.transitions.length, 0, fromStates, toStates);
}

/**
 * The forms recorded along `edge` before the action `action` of its `position`-th transition
 * (with position past the last: the whole step, the states entered included).
 */
function recordedBefore(
  protocol: ResolvedProtocol,
  transitions: ReadonlyMap<string, TransitionEntry>,
  edge: StateSpaceEdge,
  position: number,
  action: number,
  fromStates: readonly string[] | undefined,
  toStates: readonly string[] | undefined,
): Set<string> {
  const out = new Set<string>();
  if (edge.event.startsWith('after:')) return out;
  const machine = protocol.machine;
  const add = (actions: readonly ActionConfig[] | undefined, own: string | undefined, upTo = Infinity) => {
    listOf(actions).forEach((a, i) => {
      if (i >= upTo || a?.type !== 'recordForm') return;
      const form = a.params?.form ?? own;
      if (form !== undefined) out.add(form);
    });
  };
  // XState runs exit actions first, then the transitions' actions, then the entry actions.
  for (const path of fromStates ?? []) {
    if (!toStates?.includes(path)) {
      const state = getState(machine, path);
      add(state?.exit, state?.meta?.form);
    }
  }
  edge.transitions.forEach((pointer, i) => {
    if (i > position) return;
    const t = transitions.get(pointer);
    if (!t) return;
    const own = t.source === '' ? undefined : getState(machine, t.source)?.meta?.form;
    add(t.transition?.actions, own, i === position ? action : Infinity);
  });
  if (position >= edge.transitions.length) {
    for (const path of toStates ?? []) {
      if (!fromStates?.includes(path)) {
        const state = getState(machine, path);
        add(state?.entry, state?.meta?.form);
      }
    }
  }
  return out;
}

function staticProblem(protocol: ResolvedProtocol, use: AnchorUse): Problem | undefined {
  const location = { pointer: use.pointer, ...(use.state !== undefined ? { state: use.state } : {}) };
  const anchor = parseAnchor(use.from);
  if (!anchor) {
    return {
      code: 'deadline-anchor-malformed',
      location,
      ...texts.malformed(use.what, JSON.stringify(use.from) ?? String(use.from)),
    };
  }
  const forms = protocol.forms ?? {};
  const at = { ...location, pointer: `${use.pointer}/field`, form: anchor.form };
  if (!Object.hasOwn(forms, anchor.form)) {
    return {
      code: 'deadline-anchor-unknown-form',
      location: at,
      ...texts.unknownForm(use.what, anchor.field, anchor.form, dateTimeFields(protocol)),
    };
  }
  const form = forms[anchor.form]!;
  let field: FormField | undefined;
  try {
    field = anchor.path.includes('[') ? undefined : findFormField(form, anchor.path);
  } catch {
    // A form whose schema is malformed is reported on its own; its fields cannot be known.
    return undefined;
  }
  if (!field) {
    return {
      code: 'deadline-anchor-unknown-field',
      location: { ...at, field: anchor.path },
      ...texts.unknownField(
        use.what,
        anchor.field,
        anchor.form,
        anchor.path,
        dateTimeFields(protocol, anchor.form),
      ),
    };
  }
  if (!isDateTime(field)) {
    const format = field.definitions.find((d) => typeof d?.format === 'string')?.format;
    return {
      code: 'deadline-anchor-not-date-time',
      location: { ...at, field: anchor.path },
      ...texts.notDateTime(use.what, anchor.field, format, dateTimeFields(protocol, anchor.form)),
    };
  }
  return undefined;
}

/** Whether a field holds an instant: every definition that gives a format says date-time. */
function isDateTime(field: FormField): boolean {
  const formats = field.definitions.map((d) => d?.format).filter((f) => f !== undefined);
  return formats.length > 0 && formats.every((f) => f === 'date-time');
}

/**
 * The fields a deadline may count from, as "<form id>.<field>": the date-time fields (outside
 * lists) of the protocol's forms, or of one form.
 */
export function dateTimeFields(protocol: Pick<ResolvedProtocol, 'forms'>, only?: string): string[] {
  const out: string[] = [];
  for (const [id, form] of Object.entries(protocol.forms ?? {})) {
    if (only !== undefined && id !== only) continue;
    try {
      for (const field of listFormFields(form)) {
        if (!field.path.includes('[]') && isDateTime(field)) out.push(`${id}.${field.path}`);
      }
    } catch {
      // A malformed form (reported on its own) offers no fields.
    }
  }
  return out;
}

/** Every anchored deadline and delay of the protocol, where it is written and when it starts. */
function anchorUses(protocol: ResolvedProtocol): AnchorUse[] {
  return anchorSites(protocol).filter((u) => u.from !== undefined);
}

/**
 * Every deadline, setDeadline action and waited delay of the protocol, anchored or not: where its
 * `from` is (or would be) written and when it starts. A delay no state waits for starts never.
 */
function anchorSites(protocol: ResolvedProtocol): AnchorUse[] {
  const machine = protocol.machine;
  const delays = protocol.delays ?? {};
  const out: AnchorUse[] = [];
  const actionUses = (
    actions: readonly ActionConfig[] | undefined,
    pointer: string,
    where: string,
    at: (i: number) => AnchorUse['at'],
  ) => {
    listOf(actions).forEach((a, i) => {
      if (a?.type !== 'setDeadline') return;
      out.push({
        from: a.params?.from,
        pointer: `${pointer}/${i}/params/from`,
        what: label.actionDeadline(String(a.params?.name), stateLabel(machine, where)),
        ...(where !== '' ? { state: where } : {}),
        at: at(i),
      });
    });
  };
  const waited = new Set<string>();
  for (const { path, state, pointer } of listStates(machine)) {
    const deadline = state?.meta?.deadline;
    if (deadline !== undefined) {
      out.push({
        from: deadline.from,
        pointer: `${pointer}/meta/deadline/from`,
        what: label.stateDeadline(stateLabel(machine, path)),
        state: path,
        at: { kind: 'enter', state: path },
      });
    }
    actionUses(state?.entry, `${pointer}/entry`, path, () => ({ kind: 'enter', state: path }));
    actionUses(state?.exit, `${pointer}/exit`, path, () => ({ kind: 'exit', state: path }));
    for (const name of Object.keys(state?.after ?? {})) {
      const delay = Object.hasOwn(delays, name) ? delays[name] : undefined;
      if (delay === undefined) continue;
      waited.add(name);
      out.push({
        from: delay.from,
        pointer: `/delays/${escapePointer(name)}/from`,
        what: label.delay(name, stateLabel(machine, path)),
        state: path,
        at: { kind: 'enter', state: path },
      });
    }
  }
  for (const t of listTransitions(machine)) {
    actionUses(t.transition?.actions, `${t.pointer}/actions`, t.source, (i) => ({
      kind: 'take',
      transition: t.pointer,
      action: i,
    }));
  }
  for (const [name, delay] of Object.entries(delays)) {
    if (delay === undefined || waited.has(name)) continue;
    out.push({
      from: delay.from,
      pointer: `/delays/${escapePointer(name)}/from`,
      what: label.delayAlone(name),
      at: { kind: 'never' },
    });
  }
  return out;
}
