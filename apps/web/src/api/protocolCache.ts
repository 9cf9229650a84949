import { api } from './api.js';
import type { ResolvedProtocol } from './types.js';

/** Published protocol versions never change, so each is fetched once per page load. */
const cache = new Map<string, Promise<ResolvedProtocol>>();

export function getProtocol(id: string, version: number): Promise<ResolvedProtocol> {
  const key = `${id}@${version}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = api.protocol(id, version);
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}
