import { expect } from 'vitest';
import type { ProtocolFile, ResolvedProtocol, VariantFile } from '@ruta/protocol';
import type { Draft } from '../src/designer/api/designerApi.js';
import type { LoadedDraft } from '../src/designer/state/useDraftSession.js';
import { applyVariant, variantFileFor } from '../src/designer/model/variantFile.js';
import { shipped } from './designerShipped.js';

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
export function regionalDraft(resolved: ResolvedProtocol): LoadedDraft {
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
export function variantDraft(resolved: ResolvedProtocol): LoadedDraft {
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

/** A shipped protocol or variant's next version as the designer loads its draft. */
export function shippedDraft(resolved: ResolvedProtocol): LoadedDraft {
  return resolved.base ? variantDraft(resolved) : regionalDraft(resolved);
}
