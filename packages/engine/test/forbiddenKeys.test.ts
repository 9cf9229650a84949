import { describe, expect, it } from 'vitest';
import { compileProtocol, step } from '../src/index.js';
import { drive } from './drive.js';
import { caseworker, childProtocol, clone, testDeps, validScreening } from './fixtures.js';

const compiled = compileProtocol(childProtocol());

describe('forbidden keys and non-JSON data', () => {
  it.each([
    ['__proto__ at the top', '{"age": 15, "__proto__": {"polluted": true}}', '/data/__proto__'],
    [
      'constructor nested in a list',
      '{"age": 15, "notes": "x", "list": [{"constructor": {"prototype": {}}}]}',
      '/data/list/0/constructor',
    ],
    ['prototype', '{"prototype": 1}', '/data/prototype'],
  ])('refuses %s, saying where, and changes nothing', (_, json, path) => {
    const deps = testDeps();
    const d = drive(compiled, deps);
    const before = clone(d.case);
    const r = step(
      compiled,
      d.case,
      { event: 'SCREEN', data: JSON.parse(json) as unknown, actor: caseworker },
      deps,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons).toEqual([expect.objectContaining({ code: 'bad-input', path })]);
    expect(r.reasons[0]!.message).toContain('rename the field');
    expect(d.case).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a list', [1, 2]],
    ['null', null],
    ['a string', 'age=15'],
  ])('refuses form data that is %s', (what, data) => {
    const d = drive(compiled, testDeps());
    const [reason] = d.no('SCREEN', data);
    expect(reason).toMatchObject({ code: 'bad-input', path: '/data' });
    expect(reason!.message).toContain(`not ${what}`);
  });

  it('refuses values JSON cannot carry, and nesting too deep to be a form', () => {
    const d = drive(compiled, testDeps());
    expect(d.no('SCREEN', { ...validScreening, age: Number.NaN })).toEqual([
      expect.objectContaining({ code: 'bad-input', path: '/data/age' }),
    ]);
    expect(d.no('SCREEN', { ...validScreening, when: new Date(0) })[0]!.message).toContain('plain objects');
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 200; i++) deep = (deep.next = {}) as Record<string, unknown>;
    expect(d.no('SCREEN', root)[0]!.message).toContain('nested too deeply');
  });
});
