import { getProtocol } from '../api/protocolCache.js';
import type { ProtocolTexts } from './replayNames.js';

/**
 * The protocol versions a replay's reasons are worded with, in the order given (those that
 * cannot be loaded left out: the reasons then name what they can, and fall back to generic words).
 */
export async function protocolsOfReplay(refs: { id: string; version: number }[]): Promise<ProtocolTexts[]> {
  const unique = [...new Map(refs.map((r) => [`${r.id}@${r.version}`, r])).values()];
  const loaded = await Promise.all(unique.map((r) => getProtocol(r.id, r.version).catch(() => null)));
  return loaded.filter((p): p is NonNullable<typeof p> => p !== null);
}
