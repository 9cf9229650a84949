import { applyVariantChange } from '@ruta/protocol';
import type { Country, Problem, ResolvedProtocol, VariantChange, VariantFile } from '@ruta/protocol';
import { deriveVariantChanges } from './deriveVariantChanges.js';
import type { InexpressibleChange } from './deriveVariantChanges.js';

/**
 * The resolved protocol a variant file describes, made in the browser from its resolved base the
 * way the registry does (the variant's id, version, jurisdiction and title; the base's machine
 * with each change applied in order). Changes that cannot apply are returned as problems.
 */
export function applyVariant(
  base: ResolvedProtocol,
  file: VariantFile,
): { doc: ResolvedProtocol; problems: Problem[] } {
  const doc = structuredClone(base);
  doc.id = file.id;
  doc.version = file.version;
  doc.jurisdiction = file.jurisdiction;
  doc.title = structuredClone(file.title);
  if (file.description) doc.description = structuredClone(file.description);
  doc.base = file.base;
  const problems: Problem[] = [];
  file.changes.forEach((change, index) => {
    if (change.op === 'addForm' || change.op === 'replaceForm') problems.push(...putForm(doc, change, index));
    else problems.push(...applyVariantChange(doc, change, { index }));
  });
  return { doc, problems };
}

/**
 * addForm and replaceForm, without the check of the form's rules (its samples are validated with
 * Ajv, which a page under the app's Content-Security-Policy cannot run): the server checks them
 * when it saves the draft and again before it publishes.
 */
function putForm(
  doc: ResolvedProtocol,
  change: Extract<VariantChange, { op: 'addForm' | 'replaceForm' }>,
  index: number,
): Problem[] {
  const id = change.form.id;
  const exists = Object.hasOwn(doc.forms, id);
  if (exists === (change.op === 'addForm')) {
    return [
      {
        code: exists ? 'change-already-exists' : 'change-form-missing',
        location: { pointer: `/changes/${index}/form`, form: id },
        message: `Change ${index} (${change.op}): ${exists ? `the protocol already has a form "${id}"` : `the protocol has no form "${id}"`}`,
        hint: exists ? 'use replaceForm to change it' : 'use addForm to add it',
        es: {
          message: `Cambio ${index} (${change.op}): ${exists ? `el protocolo ya tiene un formulario «${id}».` : `el protocolo no tiene ningún formulario «${id}».`}`,
          hint: exists ? 'Use replaceForm para cambiarlo.' : 'Use addForm para añadirlo.',
        },
      },
    ];
  }
  doc.forms[id] = structuredClone(change.form);
  return [];
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
