import { describe, expect, it } from 'vitest';
import { protectionLoweredSince, type FormDefinition, type ResolvedProtocol } from '../src/index.js';
import { screeningForm } from './protocolFixture.js';

/** A version of a protocol with the screening form as `edit` leaves it (only forms and version are read). */
function version(n: number, edit: (form: FormDefinition) => void = () => {}): ResolvedProtocol {
  const form = screeningForm();
  edit(form);
  return { id: 'p', version: n, forms: { screening: form } } as unknown as ResolvedProtocol;
}

const victim = (form: FormDefinition) =>
  (form.schema.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>).victim!
    .properties;

describe('protectionLoweredSince', () => {
  it('lets a new version keep or add protection', () => {
    expect(protectionLoweredSince([version(1)], version(2))).toEqual([]);
    const more = version(2, (f) => {
      victim(f).age!['x-sensitive'] = true;
    });
    expect(protectionLoweredSince([version(1)], more)).toEqual([]);
  });

  it('refuses a version that unmarks a field, naming the versions that mark it', () => {
    const lowered = version(3, (f) => {
      delete victim(f).health!['x-sensitive'];
    });
    const problems = protectionLoweredSince([version(1), version(2)], lowered, 'draft/p.json');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'sensitive-unmarked',
      location: {
        file: 'draft/p.json',
        pointer: '/forms/screening',
        form: 'screening',
        field: 'victim.health',
      },
    });
    expect(problems[0]!.message).toContain('versions 1 and 2');
    expect(problems[0]!.es.message).toContain('las versiones 1 y 2');
  });

  it('remembers a field a version in between removed', () => {
    const removed = version(2, (f) => {
      delete victim(f).health;
    });
    const readded = version(3, (f) => {
      delete victim(f).health!['x-sensitive'];
    });
    expect(protectionLoweredSince([version(1), removed], readded).map((p) => p.code)).toEqual([
      'sensitive-unmarked',
    ]);
  });

  it('refuses sending abroad what every earlier version kept in the country', () => {
    const shared = version(2, (f) => {
      victim(f).health!['x-shareable'] = true;
    });
    expect(protectionLoweredSince([version(1)], shared).map((p) => p.code)).toEqual([
      'sensitive-made-shareable',
    ]);
    // Already shareable before (the name): no problem.
    expect(protectionLoweredSince([version(1)], version(2))).toEqual([]);
  });

  it('keeps every answer an earlier version declares as a need for international protection', () => {
    const declaring = (n: number) =>
      version(n, (f) => {
        victim(f).nationality!['x-protectionNeed'] = ['HN'];
      });
    expect(protectionLoweredSince([declaring(1)], declaring(2))).toEqual([]);
    const dropped = protectionLoweredSince([declaring(1)], version(2));
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({
      code: 'protection-need-removed',
      location: { form: 'screening', field: 'victim.nationality' },
    });
    expect(dropped[0]!.message).toContain('"HN"');
    expect(dropped[0]!.es.message).toContain('«HN»');
  });
});
