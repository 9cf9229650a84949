import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/api.js';
import { getProtocol } from '../api/protocolCache.js';
import type { CaseView, EventRecord, ResolvedProtocol } from '../api/types.js';

export interface CaseData {
  view: CaseView;
  protocol: ResolvedProtocol;
  history: EventRecord[];
}

/** A case, the protocol version it runs under and its history, reloaded after every write. */
export function useCaseData(caseId: string) {
  const [data, setData] = useState<CaseData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);

  const load = useCallback(
    async (view?: CaseView) => {
      const mine = ++seq.current;
      try {
        const v = view ?? (await api.getCase(caseId));
        const [protocol, history] = await Promise.all([
          getProtocol(v.protocol.id, v.protocol.version),
          api.history(caseId),
        ]);
        if (mine === seq.current) {
          setData({ view: v, protocol, history });
          setError(null);
        }
      } catch (err) {
        if (mine === seq.current) setError(err);
      }
    },
    [caseId],
  );

  useEffect(() => {
    setData(null);
    setError(null);
    void load();
  }, [load]);

  return { data, error, reload: load };
}
