import { getProtocol } from './protocolCache.js';
import type { ResolvedProtocol } from './types.js';

/** A published protocol version, as a case's events and the API name it. */
export interface VersionRef {
  id: string;
  version: number;
}

/** How a protocol version is keyed: "child-repatriation@2". */
export function versionKey(ref: VersionRef): string {
  return `${ref.id}@${ref.version}`;
}

/**
 * The published versions `refs` name, by versionKey, each fetched once per page load; those that
 * cannot be loaded are left out (a reader then names what it can with the others).
 */
export async function loadVersions(refs: readonly VersionRef[]): Promise<Map<string, ResolvedProtocol>> {
  const unique = [...new Map(refs.map((r) => [versionKey(r), r])).values()];
  const loaded = await Promise.all(
    unique.map(async (r) => [versionKey(r), await getProtocol(r.id, r.version).catch(() => null)] as const),
  );
  return new Map(loaded.filter((e): e is [string, ResolvedProtocol] => e[1] !== null));
}
