import { loadVersions } from '../api/protocolVersions.js';
import type { ProtocolTexts } from './replayNames.js';

/**
 * The protocol versions a replay's reasons are worded with, in the order given (those that
 * cannot be loaded left out: the reasons then name what they can, and fall back to generic words).
 */
export async function protocolsOfReplay(refs: { id: string; version: number }[]): Promise<ProtocolTexts[]> {
  return [...(await loadVersions(refs)).values()];
}
