import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/api.js';
import { getProtocol } from '../api/protocolCache.js';
import { loadVersions } from '../api/protocolVersions.js';
import type { CaseView, EventRecord, ResolvedProtocol } from '../api/types.js';
import { versionsOfHistory } from './versionsOfHistory.js';

export interface CaseData {
  view: CaseView;
  protocol: ResolvedProtocol;
  history: EventRecord[];
  /**
   * The protocol versions the history ran under, by "id@version" (those that could not be loaded
   * left out): each past step is told in its own version's words.
   */
  versions: ReadonlyMap<string, ResolvedProtocol>;
}

/**
 * A case, the protocol version it runs under, its history and the versions that history ran
 * under, reloaded after every write.
 */
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
        const versions = await loadVersions(versionsOfHistory(history));
        if (mine === seq.current) {
          setData({ view: v, protocol, history, versions });
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
