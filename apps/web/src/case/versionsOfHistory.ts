import type { EventRecord } from '@ruta/engine';
import { versionKey, type VersionRef } from '../api/protocolVersions.js';

/**
 * Every protocol version a case's history ran under, in the order it first names them: each
 * event's own, and the version a migration left.
 *
 * @example
 *   versionsOfHistory([opened@1, screened@1, migrated@2 (from 1)]) // [{id, version: 1}, {id, version: 2}]
 */
export function versionsOfHistory(
  history: readonly Pick<EventRecord, 'protocol' | 'migration'>[],
): VersionRef[] {
  const refs = new Map<string, VersionRef>();
  const add = (r: VersionRef | undefined) => {
    if (r && !refs.has(versionKey(r))) refs.set(versionKey(r), { id: r.id, version: r.version });
  };
  for (const e of history) {
    add(e.migration?.from);
    add(e.protocol);
  }
  return [...refs.values()];
}

/**
 * The protocol version an event ran under, from `versions` (by versionKey), or `fallback` (the
 * case's current version) when that version could not be loaded.
 */
export function versionOfEvent<P>(
  versions: ReadonlyMap<string, P>,
  e: Pick<EventRecord, 'protocol'>,
  fallback: P,
): P {
  return versions.get(versionKey(e.protocol)) ?? fallback;
}
