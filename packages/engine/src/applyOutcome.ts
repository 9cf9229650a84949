import type { CompiledAction, CompiledProtocol, Marker } from './compileProtocol.js';
import { ENTER, EXIT, TAKE } from './compileProtocol.js';
import { badInput } from './checkInput.js';
import { computeProfile } from './computeProfile.js';
import { addMilliseconds } from './instant.js';
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
): Applied {
  let data = base.data;
  let dataChanged = false;
  let deadlines = base.deadlines;
  let timers = base.timers;
  const pending: Extract<CompiledAction, { type: 'notifyFocalPoint' | 'openLinkedCase' }>[] = [];

  const setDeadline = (d: Deadline) => {
    deadlines = deadlines.filter((x) => x.name !== d.name);
    deadlines.push(d);
  };
  const run = (actions: readonly CompiledAction[]) => {
    for (const a of actions) {
      switch (a.type) {
        case 'recordForm':
          if (submitted !== undefined) {
            // Each form keeps its own copy: two forms recorded in one step never share objects.
            const copy = dataChanged && Object.values(data).includes(submitted) ? structuredClone(submitted) : submitted;
            data = { ...data, [a.form]: copy };
            dataChanged = true;
          }
          break;
        case 'setDeadline':
          setDeadline({ name: a.name, title: a.title, dueAt: addMilliseconds(at, a.hours * HOUR), setAt: at });
          break;
        case 'clearDeadline':
          if (deadlines.some((d) => d.name === a.name)) deadlines = deadlines.filter((d) => d.name !== a.name);
          break;
        default:
          pending.push(a);
      }
    }
  };

  for (const m of markers) {
    if (m.type === EXIT) {
      run(m.state.exit);
      const name = `state:${m.state.path}`;
      if (deadlines.some((d) => d.name === name)) deadlines = deadlines.filter((d) => d.name !== name);
      if (timers.some((t) => t.state === m.state.path)) timers = timers.filter((t) => t.state !== m.state.path);
    } else if (m.type === TAKE) {
      run(m.transition.actions);
    } else if (m.type === ENTER) {
      const s = m.state;
      if (s.deadline) {
        setDeadline({ name: `state:${s.path}`, title: s.title, dueAt: addMilliseconds(at, s.deadline.hours * HOUR), setAt: at });
      }
      for (const t of s.timers) {
        timers = timers.filter((x) => x.event !== t.event);
        timers.push({ event: t.event, dueAt: addMilliseconds(at, t.ms), state: s.path });
      }
      run(s.entry);
    }
  }
  if (done) {
    // A closed case has nothing left to do: no deadline can be missed, no timer can fire.
    deadlines = [];
    timers = [];
  }
  const profile = dataChanged ? computeProfile(compiled, data) : base.profile;

  const effects: Effect[] = [];
  for (const a of pending) {
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
  return { ok: true, parts: { data, profile, deadlines, timers }, effects };
}
