import { useEffect, useState } from 'react';
import { exploreStateSpace, invariantReport, verifyProtocol } from '@ruta/protocol';
import type { InvariantStatus, Problem } from '@ruta/protocol';
import type { DesignDoc } from '../model/DesignDoc.js';

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
 */
export function useVerification(doc: DesignDoc, delayMs = 350): Verification | null {
  const [result, setResult] = useState<Verification | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const t0 = performance.now();
      let problems: Problem[];
      let invariants: InvariantStatus[] = [];
      try {
        const space = exploreStateSpace(doc);
        problems = verifyProtocol(doc, { space });
        invariants = invariantReport(doc, space);
      } catch (e) {
        problems = [
          {
            code: 'verifier-failed',
            location: { pointer: '' },
            message: e instanceof Error ? e.message : String(e),
            hint: '',
          },
        ];
      }
      setResult({ doc, problems, invariants, ms: performance.now() - t0 });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [doc, delayMs]);
  return result;
}
