import { exploreStateSpace, type StateSpace } from '@ruta/protocol';
import type { DesignDoc } from './DesignDoc.js';

const spaces = new WeakMap<DesignDoc, StateSpace>();

/**
 * The explored statechart of a draft, once per version of it: the verifier and the state panel's
 * choice of what a deadline counts from share it. A draft is never changed in place (each edit
 * makes a new document), so the cache cannot go stale.
 */
export function stateSpaceOf(doc: DesignDoc): StateSpace {
  let space = spaces.get(doc);
  if (!space) {
    space = exploreStateSpace(doc);
    spaces.set(doc, space);
  }
  return space;
}
