import { describe, expect, it } from 'vitest';
import { verifyPassed, verifyProtocol } from '../src/index.js';
import { goodProtocol } from './verifyFixture.js';

describe('verifyProtocol on a correct protocol', () => {
  it('finds no problem at all', () => {
    expect(verifyProtocol(goodProtocol())).toEqual([]);
  });

  it('names the file in every problem when told which file it checks', () => {
    const p = goodProtocol();
    p.machine.initial = 'screenin';
    const problems = verifyProtocol(p, { file: 'workflows/mini.v1.json' });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((x) => x.location.file === 'workflows/mini.v1.json')).toBe(true);
    expect(verifyPassed(problems)).toBe(false);
  });

  it('does not change the protocol it checks', () => {
    const p = goodProtocol();
    const before = JSON.stringify(p);
    verifyProtocol(p);
    expect(JSON.stringify(p)).toBe(before);
  });
});
