// Every shipped protocol and variant, opened in the designer and saved unchanged, keeps every
// "from" of its deadlines, delays and setDeadline actions: the designer's model round-trips them.
import { describe, expect, it } from 'vitest';
import type { ResolvedProtocol } from '@ruta/protocol';
import { escapePointer } from '@ruta/protocol';
import { fileFor } from '../src/designer/state/useDraftSession.js';
import { applyVariant } from '../src/designer/model/variantFile.js';
import { shipped, shippedRegistry } from './designerShipped.js';
import { shippedDraft } from './designerShippedDrafts.js';

/** Every anchor of a protocol by the JSON pointer of its "from": what it counts from. */
function anchors(value: unknown, pointer = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((v, i) => anchors(v, `${pointer}/${i}`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const at = `${pointer}/${escapePointer(k)}`;
      // A variant change's "from" names a state (a string); an anchor is {"field": ...}.
      if (k === 'from' && typeof v === 'object' && v !== null) out.set(at, JSON.stringify(v));
      else anchors(v, at, out);
    }
  }
  return out;
}

const refs = [...shippedRegistry().protocols.keys(), ...shippedRegistry().variants.keys()];

describe('a shipped protocol saved unchanged in the designer', () => {
  it('has anchors to keep (the child repatriation alert, the variants consular notice)', () => {
    expect(anchors(shipped('child-repatriation@1')).get('/delays/alert24h/from')).toBe(
      '{"field":"cr-detection.detectedAt"}',
    );
    expect(refs.filter((r) => anchors(shipped(r)).size > 0).length).toBeGreaterThan(3);
  });

  it.each(refs)('%s keeps every anchor', (ref) => {
    const resolved = shipped(ref);
    const loaded = shippedDraft(resolved);
    const { file } = fileFor(loaded, loaded.doc);
    const saved =
      file.kind === 'variant'
        ? applyVariant(loaded.base!, file).doc
        : ({ ...file, forms: loaded.doc.forms } as unknown as ResolvedProtocol);
    expect(anchors(saved.machine)).toEqual(anchors(resolved.machine));
    expect(anchors(saved.delays ?? {})).toEqual(anchors(resolved.delays ?? {}));
    // Saved again, nothing changes: the draft stays as loaded.
    expect(fileFor(loaded, loaded.doc).file).toEqual(loaded.draft.file);
  });
});
