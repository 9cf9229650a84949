import { applyVariantChange } from '@ruta/protocol';
import type { Country, Problem, ResolvedProtocol, VariantFile } from '@ruta/protocol';
import { deriveVariantChanges } from './deriveVariantChanges.js';
import type { InexpressibleChange } from './deriveVariantChanges.js';

/**
 * The resolved protocol a variant file describes, made in the browser from its resolved base the
 * way the registry does (the variant's id, version, jurisdiction and title; the base's machine
 * with each change applied in order). Changes that cannot apply are returned as problems.
 */
export function applyVariant(base: ResolvedProtocol, file: VariantFile): { doc: ResolvedProtocol; problems: Problem[] } {
  const doc = structuredClone(base);
  doc.id = file.id;
  doc.version = file.version;
  doc.jurisdiction = file.jurisdiction;
  doc.title = structuredClone(file.title);
  if (file.description) doc.description = structuredClone(file.description);
  doc.base = file.base;
  const problems: Problem[] = [];
  file.changes.forEach((change, index) => problems.push(...applyVariantChange(doc, change, { index })));
  return { doc, problems };
}

/** The variant file that turns `base` into `edited`, with the edits a variant cannot express. */
export function variantFileFor(
  base: ResolvedProtocol,
  edited: ResolvedProtocol,
  header: { id: string; version: number; jurisdiction: Country; base: string },
): { file: VariantFile; inexpressible: InexpressibleChange[] } {
  const { changes, inexpressible } = deriveVariantChanges(base, edited);
  const file: VariantFile = { kind: 'variant', ...header, title: edited.title, changes };
  if (edited.description) file.description = edited.description;
  return { file, inexpressible };
}
