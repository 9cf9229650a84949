import { describe, expect, it } from 'vitest';
import { normalizeFormSchema } from '../src/index.js';
import { decisionForm } from './protocolFixture.js';

describe('normalizeFormSchema', () => {
  it('closes every object and bounds every text and list the author left open', () => {
    const schema = {
      type: 'object' as const,
      properties: {
        name: { type: 'string' as const },
        short: { type: 'string' as const, maxLength: 10 },
        born: { type: 'string' as const, format: 'date' },
        email: { type: 'string' as const, format: 'email' },
        family: {
          type: 'array' as const,
          items: { type: 'object' as const, properties: { name: { type: 'string' as const } } },
        },
        few: { type: 'array' as const, maxItems: 3, items: { type: 'string' as const } },
      },
    };
    const before = structuredClone(schema);
    expect(normalizeFormSchema(schema)).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string', maxLength: 2000 },
        short: { type: 'string', maxLength: 10 },
        born: { type: 'string', format: 'date' },
        email: { type: 'string', format: 'email', maxLength: 2000 },
        family: {
          type: 'array',
          maxItems: 200,
          items: {
            type: 'object',
            additionalProperties: false,
            properties: { name: { type: 'string', maxLength: 2000 } },
          },
        },
        few: { type: 'array', maxItems: 3, items: { type: 'string', maxLength: 2000 } },
      },
    });
    expect(schema).toEqual(before);
  });

  it('declares conditional fields on their object, and leaves conditions as written', () => {
    const out = normalizeFormSchema(decisionForm().schema);
    expect(out.properties!.reason).toMatchObject({ type: 'string', maxLength: 2000 });
    expect(out.if).toEqual({ properties: { decision: { const: 'stay' } } });
    // A branch does not close the object, or it would refuse its siblings.
    expect(out.then).not.toHaveProperty('additionalProperties');
    expect(out.then!.properties!.reason).toMatchObject({ maxLength: 2000 });
  });

  it('keeps both definitions when branches define a field differently', () => {
    const out = normalizeFormSchema({
      type: 'object',
      properties: { kind: { type: 'string', enum: ['a', 'b'] } },
      if: { properties: { kind: { const: 'a' } } },
      then: { properties: { detail: { type: 'string', enum: ['x'] } } },
      else: { properties: { detail: { type: 'integer' } } },
    });
    expect(out.properties!.detail).toEqual({
      anyOf: [{ type: 'string', enum: ['x'], maxLength: 2000 }, { type: 'integer' }],
    });
  });
});
