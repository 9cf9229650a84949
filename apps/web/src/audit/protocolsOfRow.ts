import { versionKey } from '../api/protocolVersions.js';
import type { EventConformance } from '../api/types.js';
import type { ProtocolTexts } from './replayNames.js';

/**
 * The protocol versions one row of a replay is named with, the first that knows an id winning:
 * the version its event ran under (a step before a migration in the old version's words, after
 * it in the new one's), then the others the replay involves (`protocols`). For a what-if
 * (`compared`), the version compared with comes first: the row's reasons are about it.
 *
 * @example
 *   protocolsOfRow({ protocol: { id: 'child-repatriation', version: 1 } }, [v2], versions, false) // [v1, v2]
 */
export function protocolsOfRow(
  row: Pick<EventConformance, 'protocol'>,
  protocols: readonly ProtocolTexts[],
  versions: ReadonlyMap<string, ProtocolTexts>,
  compared: boolean,
): ProtocolTexts[] {
  const own = row.protocol ? versions.get(versionKey(row.protocol)) : undefined;
  const [first, ...rest] = protocols;
  const ordered = compared ? [first, own, ...rest] : [own, ...protocols];
  return [...new Set(ordered.filter((p): p is ProtocolTexts => p !== undefined))];
}
