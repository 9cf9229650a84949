// Every shipped protocol and variant, opened in the designer and saved unchanged, keeps every
// "from" of its deadlines, delays and setDeadline actions: the designer's model round-trips them.
import { describe, expect, it } from 'vitest';
import type { ProtocolFile, ResolvedProtocol, VariantFile } from '@ruta/protocol';
import { escapePointer } from '@ruta/protocol';
import type { Draft } from '../src/designer/api/designerApi.js';
import { fileFor, type LoadedDraft } from '../src/designer/state/useDraftSession.js';
import { applyVariant, variantFileFor } from '../src/designer/model/variantFile.js';
import { shipped, shippedRegistry } from './designerShipped.js';

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

const draftOf = (file: ProtocolFile | VariantFile, forms: Draft['forms'] = {}): Draft => ({
  id: 'd1',
  file,
  forms,
  revision: 1,
  updatedAt: '2026-03-10T10:00:00.000Z',
  problems: [],
  invariantsInForce: [],
});

/** A regional protocol's next version as the start page makes its draft and the editor loads it. */
function regionalDraft(resolved: ResolvedProtocol): LoadedDraft {
  const { forms, invariantsInForce, base: _b, ...rest } = resolved;
  const file: ProtocolFile = { ...rest, kind: 'protocol', version: resolved.version + 1 };
  const { kind: _k, ...fields } = file;
  return {
    draft: draftOf(file),
    doc: { ...fields, kind: 'protocol', forms, invariantsInForce } as ResolvedProtocol,
    base: null,
    problems: [],
    previousForms: forms,
  };
}

/** A variant's next version: its changes derived from the published variant, applied to the base. */
function variantDraft(resolved: ResolvedProtocol): LoadedDraft {
  const base = shipped(resolved.base!);
  const { file } = variantFileFor(base, resolved, {
    id: resolved.id,
    version: resolved.version + 1,
    jurisdiction: resolved.jurisdiction as VariantFile['jurisdiction'],
    base: resolved.base!,
  });
  const { doc, problems } = applyVariant(base, file);
  expect(problems).toEqual([]);
  return { draft: draftOf(file), doc, base, problems: [], previousForms: {} };
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
    const loaded = resolved.base ? variantDraft(resolved) : regionalDraft(resolved);
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
