import { useEffect, useState } from 'react';
import { api } from './api.js';
import type { ProtocolSummary } from './types.js';

let cached: Promise<ProtocolSummary[]> | null = null;

/** The protocols the user may see (titles for ids), fetched once per page load. */
export function protocolSummaries(): Promise<ProtocolSummary[]> {
  if (!cached) {
    cached = api.protocols();
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export function useProtocolSummaries(): ProtocolSummary[] {
  const [list, setList] = useState<ProtocolSummary[]>([]);
  useEffect(() => {
    let live = true;
    protocolSummaries().then(
      (l) => live && setList(l),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return list;
}
