/**
 * The date of something that happened (a detection, a visit, a decision: fields marked x-past)
 * cannot be later than the moment the step records it; a planned date (travel, expected
 * arrival, a document's expiry) can.
 */
import { availableActions, compileProtocol, openCase, step, type CaseState } from '@ruta/engine';
import { describe, expect, it } from 'vitest';
import { shippedProtocols } from './support/shippedProtocols.js';

const { protocols } = shippedProtocols();
const protocol = protocols.find((p) => p.ref === 'child-repatriation-gt@1')!.protocol;
const compiled = compileProtocol(protocol);
const now = Date.parse('2026-12-07T15:00:00.000Z');
let n = 0;
const deps = { clock: () => new Date(now).toISOString(), ids: () => `ev-${++n}` };
const worker = { userId: 'u-cw', role: 'caseworker' as const, country: 'GT' as const };

/** A case at the step that records the detection form, and that step's event and sample data. */
function atDetection(): { c: CaseState; event: string; sample: Record<string, unknown> } {
  let c = openCase(compiled, { id: `case-${++n}`, country: 'GT', actor: worker }, deps).case;
  for (let i = 0; i < 5; i++) {
    const actions = availableActions(compiled, c, worker);
    const detection = actions.find((a) => a.form === 'cr-detection');
    if (detection) {
      const sample = protocol.forms['cr-detection']!.examples![0]! as Record<string, unknown>;
      return { c, event: detection.event, sample };
    }
    const next = actions.find((a) => a.ok && a.form === undefined)!;
    const r = step(compiled, c, { event: next.event, actor: worker }, deps);
    if (!r.ok) throw new Error(JSON.stringify(r.reasons));
    c = r.case;
  }
  throw new Error('no detection step');
}

describe('dates of what happened', () => {
  it('marks the detection time as such, and no planned date', () => {
    expect(protocol.forms['cr-detection']!.schema.properties!.detectedAt!['x-past']).toBe(true);
    expect(protocol.forms['cr-coordination']!.schema.properties!.travelDate!['x-past']).toBeUndefined();
  });

  it('refuses a detection recorded as happening after the step records it, naming the field', () => {
    const { c, event, sample } = atDetection();
    const r = step(
      compiled,
      c,
      { event, actor: worker, data: { ...sample, detectedAt: '2031-12-31T10:00:00Z' } },
      deps,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reasons).toEqual([
      expect.objectContaining({
        code: 'form-invalid',
        form: 'cr-detection',
        path: '/detectedAt',
        keyword: 'notInFuture',
      }),
    ]);
  });

  it('takes one a minute ago, and one a moment ahead of the recording clock', () => {
    const { c, event, sample } = atDetection();
    for (const at of [now - 60_000, now + 60_000]) {
      const r = step(
        compiled,
        c,
        { event, actor: worker, data: { ...sample, detectedAt: new Date(at).toISOString() } },
        deps,
      );
      expect(r.ok).toBe(true);
    }
  });
});
