import type { Text } from '@ruta/protocol';
import { intakeFormId } from './newProtocolSkeleton.js';

/**
 * A protocol id as the protocol files write it (common.schema.json "id"): lowercase letters,
 * digits and dashes, starting with a letter, short enough that its first form's id
 * ("<id>-intake") is an id too.
 */
export const PROTOCOL_ID = /^[a-z][a-z0-9-]*$/;
export const MAX_PROTOCOL_ID = 80 - intakeFormId('').length;

/** Each field of the new-protocol form that is wrong: a key of the designer's `newProtocol.errors` texts. */
export interface NewProtocolProblems {
  id?: 'id-malformed' | 'id-too-long' | 'id-published' | 'id-drafted';
  titleEs?: 'title-missing';
  titleEn?: 'title-missing';
}

/**
 * What keeps a new protocol from being created, field by field: an id that is not kebab-case or
 * that a published protocol (of any country) or one of the designer's drafts already has, and a
 * title missing in either language. The server checks the id again, against every country's drafts.
 */
export function newProtocolProblems(
  spec: { id: string; title: Text },
  taken: { published: Iterable<string>; drafts: Iterable<string> },
): NewProtocolProblems {
  const problems: NewProtocolProblems = {};
  if (!PROTOCOL_ID.test(spec.id)) problems.id = 'id-malformed';
  else if (spec.id.length > MAX_PROTOCOL_ID) problems.id = 'id-too-long';
  else if (new Set(taken.published).has(spec.id)) problems.id = 'id-published';
  else if (new Set(taken.drafts).has(spec.id)) problems.id = 'id-drafted';
  if (!spec.title.es.trim()) problems.titleEs = 'title-missing';
  if (!spec.title.en.trim()) problems.titleEn = 'title-missing';
  return problems;
}
