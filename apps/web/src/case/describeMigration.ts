import type { EventRecord } from '@ruta/engine';
import { getState, type ResolvedProtocol, type Text } from '@ruta/protocol';
import { versionKey } from '../api/protocolVersions.js';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** What a reader names a migration's versions and stages with. */
export type MigrationTexts = Pick<ResolvedProtocol, 'machine' | 'title'>;

export interface MigrationWords {
  /** "Migrado de la versión 1 a la 2", or with the protocols' titles when it changed protocol (a variant). */
  title: string;
  /** Each stage the case was in, by its title in the version left, and the one it moved to, by its title in the version entered. */
  mapping: { from: string; to: string }[];
}

/**
 * A "migrated" event in words: from which version to which, and where each stage the case stood
 * in went, each stage named by the version it belongs to (a state renamed in the new version
 * reads under its old title on the left and its new one on the right).
 *
 * @example
 *   describeMigration(event, versions, t, pick)
 *   // {title: "Migrado de la versión 1 a la 2", mapping: [{from: "Ingreso del caso", to: "Recepción del caso"}]}
 */
export function describeMigration(
  e: Pick<EventRecord, 'protocol' | 'migration'>,
  versions: ReadonlyMap<string, MigrationTexts>,
  t: T,
  pick: (text: Text | undefined) => string,
): MigrationWords {
  const left = e.migration?.from;
  if (!left) return { title: t('timeline.migrated'), mapping: [] };
  const from = versions.get(versionKey(left));
  const to = versions.get(versionKey(e.protocol));
  const title =
    left.id === e.protocol.id
      ? t('timeline.migratedVersion', { from: left.version, to: e.protocol.version })
      : t('timeline.migratedProtocol', {
          from: pick(from?.title) || left.id,
          fromVersion: left.version,
          to: pick(to?.title) || e.protocol.id,
          toVersion: e.protocol.version,
        });
  const stage = (p: MigrationTexts | undefined, path: string) =>
    (p && pick(getState(p.machine, path)?.meta.title)) || path;
  const mapping = Object.entries(e.migration?.mapping ?? {}).map(([oldPath, newPath]) => ({
    from: stage(from, oldPath),
    to: stage(to, newPath),
  }));
  return { title, mapping };
}
