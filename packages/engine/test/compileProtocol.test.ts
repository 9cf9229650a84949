import { describe, expect, it } from 'vitest';
import { compileProtocol, ProtocolCompileError } from '../src/index.js';
import { childProtocol, deepFreeze } from './fixtures.js';

describe('compileProtocol', () => {
  it('compiles once per protocol object', () => {
    const p = childProtocol();
    expect(compileProtocol(p)).toBe(compileProtocol(p));
    expect(compileProtocol(childProtocol())).not.toBe(compileProtocol(p));
  });

  it('leaves the protocol object as it was', () => {
    const p = deepFreeze(childProtocol());
    const before = JSON.stringify(p);
    expect(() => compileProtocol(p)).not.toThrow();
    expect(JSON.stringify(p)).toBe(before);
  });

  it("knows each state's form, roles and deadline, and each event's title", () => {
    const c = compileProtocol(childProtocol());
    const screening = c.states.get('screening')!;
    expect(screening).toMatchObject({
      form: 'screening',
      roles: ['caseworker'],
      deadline: { hours: 24 },
      type: 'atomic',
    });
    expect(c.states.get('protection')!.type).toBe('parallel');
    expect(c.states.get('protection.shelter.placed')!.type).toBe('final');
    expect(c.events.get('SCREEN')!.title.en).toBe('Screen');
    expect([...c.forms.keys()].sort()).toEqual(['decision', 'screening']);
  });

  it("names timers exactly as XState's own delayed events", () => {
    const c = compileProtocol(childProtocol());
    const followUp = c.states.get('followUp')!;
    expect(followUp.timers).toEqual([
      { event: 'xstate.after.followUp.test-child.followUp', delay: 'followUp', ms: 72 * 3_600_000 },
    ]);
    const node = c.machine.root.states.followUp!;
    expect(node.after.map((t) => t.eventType)).toEqual([followUp.timers[0]!.event]);
  });

  it('resolves the form recordForm stores: params.form, else the source state form', () => {
    const c = compileProtocol(childProtocol());
    const screen = c.transitions.filter((t) => t.event === 'SCREEN');
    expect(screen.map((t) => t.actions.find((a) => a.type === 'recordForm'))).toEqual([
      { type: 'recordForm', form: 'screening' },
      { type: 'recordForm', form: 'screening' },
    ]);
  });

  it('refuses a protocol naming a guard, delay or form it does not define, saying which', () => {
    const p = childProtocol();
    p.machine.states.screening!.on!.SCREEN = { target: 'closed', guard: 'noSuchGuard' };
    p.machine.states.followUp!.after = { never: { target: 'closed' } };
    p.machine.states.decision!.meta.form = 'missingForm';
    let error: unknown;
    try {
      compileProtocol(p);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProtocolCompileError);
    const problems = (error as ProtocolCompileError).problems.join('\n');
    expect(problems).toContain('guard "noSuchGuard"');
    expect(problems).toContain('delay "never"');
    expect(problems).toContain('form "missingForm"');
  });
});
