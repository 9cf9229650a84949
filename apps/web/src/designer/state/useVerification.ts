import { useEffect, useState } from 'react';
import { invariantReport, verifyProtocol } from '@ruta/protocol';
import type { InvariantStatus, Problem } from '@ruta/protocol';
import type { DesignDoc } from '../model/DesignDoc.js';
import { evalAllowed } from '../model/evalAllowed.js';
import { lintDesignDoc } from '../model/lintDesignDoc.js';
import { stateSpaceOf } from '../model/stateSpaceOf.js';
import { draftFileRejected, isDraftFileRejected, withoutDuplicates } from '../model/publishProblems.js';

export interface Verification {
  /** The document these results are for. */
  doc: DesignDoc;
  problems: Problem[];
  invariants: InvariantStatus[];
  ms: number;
}

/**
 * Runs the static verifier in the browser a moment after the designer stops editing, so the
 * verify panel and the marks on the chart follow the draft. The server verifies again on publish.
 * `serverProblems` are the problems the server found in the last saved version of the draft.
 */
export function useVerification(
  doc: DesignDoc,
  serverProblems: readonly Problem[] = [],
  delayMs = 350,
): Verification | null {
  const [result, setResult] = useState<Verification | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const t0 = performance.now();
      let problems: Problem[];
      let invariants: InvariantStatus[] = [];
      try {
        const space = stateSpaceOf(doc);
        // Form checks need Ajv; where the page forbids eval they come from the server's check of
        // the last save instead (with the changes of a variant that do not apply).
        const local = evalAllowed();
        problems = [
          ...lintDesignDoc(doc),
          ...verifyProtocol(doc, local ? { space } : { space, verifiedForms: doc.forms }),
        ];
        if (!local) {
          // The server's note that the saved file fails the schema names no problem: the page's
          // own checks name them, so the note shows only when they find none.
          const found = problems.some((p) => p.severity !== 'warning');
          const fromServer = serverProblems
            .filter(onlyServerCanTell)
            .flatMap((p) => (!isDraftFileRejected(p) ? [p] : found ? [] : [draftFileRejected()]));
          problems = withoutDuplicates([...problems, ...fromServer]);
        }
        invariants = invariantReport(doc, space);
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        problems = [
          {
            code: 'verifier-failed',
            location: { pointer: '' },
            message: reason,
            hint: 'Undo the last change, or reload the page; the server verifies the draft again when it is published.',
            es: {
              message: `La verificación no pudo terminar: ${reason}`,
              hint: 'Deshaga el último cambio o recargue la página; el servidor vuelve a verificar el borrador al publicarlo.',
            },
          },
        ];
      }
      setResult({ doc, problems, invariants, ms: performance.now() - t0 });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [doc, serverProblems, delayMs]);
  return result;
}

/**
 * The server's problems the page cannot find itself: those of forms (they need Ajv) and of the
 * draft file as stored (its schema, variant changes that do not apply, a base that is missing).
 */
function onlyServerCanTell(p: Problem): boolean {
  if (/^\/(forms|changes)(\/|$)/.test(p.location.pointer) || p.location.pointer === '') return true;
  return SERVER_ONLY.has(p.code) || /^(change-|form-|schema|example-)/.test(p.code);
}

const SERVER_ONLY = new Set([
  'invalid-protocol',
  'missing-base',
  'unknown-protocol',
  'unknown-version',
  'variant-cycle',
  'bad-protocol-ref',
  'unknown-form',
  'unknown-invariant',
  'field-without-label',
  'enum-without-labels',
  'enum-labels-mismatch',
  'required-field-missing',
]);
