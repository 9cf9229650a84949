import type { CompiledAction, CompiledProtocol, Marker } from './compileProtocol.js';
import { ENTER, EXIT, TAKE } from './compileProtocol.js';
import { badInput } from './checkInput.js';
import { anchoredDue } from './anchoredDue.js';
import { computeProfile } from './computeProfile.js';
import { formatInstant } from './instant.js';
import type { CaseProfile, Deadline, Effect, Rejection, Timer } from './types.js';

const HOUR = 3_600_000;

/** The parts of a case a step changes. */
export interface CaseParts {
  data: Record<string, unknown>;
  profile: CaseProfile;
  deadlines: Deadline[];
  timers: Timer[];
}

export type Applied = { ok: true; parts: CaseParts; effects: Effect[] } | { ok: false; reasons: Rejection[] };

type EffectAction = Extract<CompiledAction, { type: 'notifyFocalPoint' | 'openLinkedCase' }>;

/** The case parts being built: arrays are replaced, never changed in place (they may be the input's). */
interface Draft {
  data: Record<string, unknown>;
  deadlines: Deadline[];
  timers: Timer[];
  recorded: string[];
  pending: EffectAction[];
  submitted: Record<string, unknown> | undefined;
  at: string;
  atMs: number;
}

/**
 * Runs, in XState's order, the protocol actions of the states exited, the transitions taken and
 * the states entered: records the submitted form, starts and clears deadlines and timers, and
 * collects the effects the server must carry out. Never changes `base`.
 */
export function applyOutcome(
  compiled: CompiledProtocol,
  base: CaseParts & { country: string },
  markers: readonly Marker[],
  done: boolean,
  submitted: Record<string, unknown> | undefined,
  at: string,
  atMs: number,
): Applied {
  const d: Draft = {
    data: base.data,
    deadlines: base.deadlines,
    timers: base.timers,
    recorded: [],
    pending: [],
    submitted,
    at,
    atMs,
  };
  for (const m of markers) {
    if (m.type === EXIT) {
      runActions(d, m.state.exit);
      if (d.deadlines.length > 0) {
        const name = `state:${m.state.path}`;
        if (d.deadlines.some((x) => x.name === name))
          d.deadlines = d.deadlines.filter((x) => x.name !== name);
      }
      if (d.timers.length > 0 && d.timers.some((t) => t.state === m.state.path))
        d.timers = d.timers.filter((t) => t.state !== m.state.path);
    } else if (m.type === TAKE) {
      runActions(d, m.transition.actions);
    } else if (m.type === ENTER) {
      const s = m.state;
      // The forms this step records are in d.data by now: XState takes transitions before it
      // enters their targets, so a deadline can count from a field the same step records.
      if (s.deadline)
        setDeadline(d, {
          name: `state:${s.path}`,
          title: s.title,
          dueAt: formatInstant(anchoredDue(d.data, s.deadline.from, atMs, s.deadline.hours * HOUR)),
          setAt: at,
        });
      for (const t of s.timers) {
        d.timers = d.timers.filter((x) => x.event !== t.event);
        d.timers.push({
          event: t.event,
          dueAt: formatInstant(anchoredDue(d.data, t.from, atMs, t.ms)),
          state: s.path,
        });
      }
      runActions(d, s.entry);
    }
  }
  if (done) {
    // A closed case has nothing left to do: no deadline can be missed, no timer can fire.
    d.deadlines = [];
    d.timers = [];
  }
  const reads = compiled.profileReads;
  const profile = d.recorded.some((form) => reads === null || reads.has(form))
    ? computeProfile(compiled, d.data)
    : base.profile;

  const effects: Effect[] = [];
  for (const a of d.pending) {
    const ref = a.params.country;
    const country = ref === 'case' ? base.country : ref === 'origin' ? profile.originCountry : ref;
    if (country === undefined) {
      return {
        ok: false,
        reasons: [
          badInput(
            `this step must ${a.type === 'notifyFocalPoint' ? 'notify the focal point of' : 'open a linked case in'} the victim's country of origin, which the case does not record yet: record the form that gives the origin country first (the protocol's profile.originCountry reads it)`,
            '/case/profile/originCountry',
          ),
        ],
      };
    }
    effects.push(
      a.type === 'notifyFocalPoint'
        ? { type: 'notifyFocalPoint', country, reason: a.params.reason }
        : { type: 'openLinkedCase', protocol: a.params.protocol, country, relation: a.params.relation },
    );
  }
  return { ok: true, parts: { data: d.data, profile, deadlines: d.deadlines, timers: d.timers }, effects };
}

function setDeadline(d: Draft, deadline: Deadline): void {
  d.deadlines = d.deadlines.filter((x) => x.name !== deadline.name);
  d.deadlines.push(deadline);
}

function runActions(d: Draft, actions: readonly CompiledAction[]): void {
  for (const a of actions) {
    switch (a.type) {
      case 'recordForm':
        if (d.submitted !== undefined) {
          // `submitted` is the engine's own copy: the case and the event record share it.
          d.data = withForm(d.data, a.form, d.submitted);
          d.recorded.push(a.form);
        }
        break;
      case 'setDeadline':
        setDeadline(d, {
          name: a.name,
          title: a.title,
          dueAt: formatInstant(anchoredDue(d.data, a.from, d.atMs, a.hours * HOUR)),
          setAt: d.at,
        });
        break;
      case 'clearDeadline':
        if (d.deadlines.some((x) => x.name === a.name))
          d.deadlines = d.deadlines.filter((x) => x.name !== a.name);
        break;
      default:
        d.pending.push(a);
    }
  }
}

/** A copy of the case's data with `form` recorded (never the same object: `data` may be the input's). */
function withForm(
  data: Record<string, unknown>,
  form: string,
  submitted: Record<string, unknown>,
): Record<string, unknown> {
  // Object.assign copies the many shapes case data takes faster than a spread does; it would
  // assign a "__proto__" key as the prototype, so such data (never the engine's) is spread.
  if (form === '__proto__' || Object.hasOwn(data, '__proto__')) return { ...data, [form]: submitted };
  const out: Record<string, unknown> = Object.assign({}, data);
  out[form] = submitted;
  return out;
}
