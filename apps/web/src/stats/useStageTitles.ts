import { useEffect, useState } from 'react';
import type { Text } from '@ruta/protocol';
import { getProtocol } from '../api/protocolCache.js';
import { protocolSummaries } from '../api/protocolSummaries.js';

/** Stage id -> the titles the published protocols give that top-level state (usually one). */
export type StageTitles = ReadonlyMap<string, readonly Text[]>;

/**
 * The titles of the stages (top-level states) of every published protocol the user may see, for
 * naming the "stage" statistics, which count by stage id across protocols. Loaded only when
 * `enabled`; an empty map until then or if loading fails (the ids are shown instead).
 */
export function useStageTitles(enabled: boolean): StageTitles {
  const [titles, setTitles] = useState<StageTitles>(new Map());
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    (async () => {
      const published = (await protocolSummaries()).filter((p) => p.status === 'published');
      const protocols = await Promise.all(published.map((p) => getProtocol(p.id, p.version)));
      const out = new Map<string, Text[]>();
      for (const protocol of protocols) {
        for (const [stage, state] of Object.entries(protocol.machine.states ?? {})) {
          const list = out.get(stage) ?? [];
          if (!list.some((t) => t.es === state.meta.title.es)) list.push(state.meta.title);
          out.set(stage, list);
        }
      }
      if (live) setTitles(out);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [enabled]);
  return titles;
}
