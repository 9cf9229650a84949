import type { ResolvedProtocol } from '@ruta/protocol';

/**
 * What the designer edits: a complete protocol with its forms embedded, exactly what cases run
 * under. A regional draft is saved as its ProtocolFile and the forms it adds or edits; a national variant is saved as the list
 * of changes that turn its base into this document (see deriveVariantChanges).
 */
export type DesignDoc = ResolvedProtocol;

/** A transition as listTransitions names it: source state path ("" for the root), event, index. */
export interface TransitionRef {
  source: string;
  /** The event, "after:<delay>" for a delayed transition, or "done" for onDone. */
  event: string;
  index: number;
}

/** The element the side panel shows and the graph highlights. */
export type Selection =
  | { kind: 'state'; path: string }
  | { kind: 'transition'; ref: TransitionRef }
  | { kind: 'field'; form: string; field: string }
  | { kind: 'protocol' };
