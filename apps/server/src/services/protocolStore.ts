import { compileProtocol, type CompiledProtocol } from '@ruta/engine';
import type { Jurisdiction, ResolvedProtocol } from '@ruta/protocol';
import type { ProtocolRepository, ProtocolSummaryDoc } from '../db/repositories/protocolRepository.js';
import { notFound } from '../errors.js';

export interface LoadedProtocol {
  summary: ProtocolSummaryDoc;
  resolved: ResolvedProtocol;
  compiled: CompiledProtocol;
}

/**
 * Published protocol versions, parsed and compiled once: a published version never changes, so
 * it is cached for the life of the process.
 */
export class ProtocolStore {
  private readonly cache = new Map<string, Promise<LoadedProtocol | null>>();

  constructor(private readonly repo: ProtocolRepository) {}

  /** The version, or null when it is not published. */
  find(id: string, version: number): Promise<LoadedProtocol | null> {
    const key = `${id}@${version}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.load(id, version);
      this.cache.set(key, hit);
      // A version published later must be found: forget misses.
      void hit.then((r) => {
        if (!r) this.cache.delete(key);
      });
    }
    return hit;
  }

  /** The version, or a not-found error naming it. */
  async get(id: string, version: number): Promise<LoadedProtocol> {
    const p = await this.find(id, version);
    if (!p) throw notFound('protocol', `${id}@${version}`);
    return p;
  }

  /**
   * The protocol a case in `country` should run for a protocol family: the newest national
   * variant of that country if one is published, else the newest regional version.
   */
  async forCountry(root: string, country: Jurisdiction): Promise<LoadedProtocol | null> {
    const pick = (await this.repo.latestFor(root, country)) ?? (await this.repo.latestFor(root, 'REGIONAL'));
    return pick ? this.find(pick.protocolId, pick.version) : null;
  }

  /** The newest published version of a protocol id, or null. */
  async latest(id: string): Promise<LoadedProtocol | null> {
    const all = await this.repo.list();
    const mine = all.filter((p) => p.protocolId === id).sort((a, b) => b.version - a.version)[0];
    return mine ? this.find(mine.protocolId, mine.version) : null;
  }

  private async load(id: string, version: number): Promise<LoadedProtocol | null> {
    const doc = await this.repo.find(id, version);
    if (!doc) return null;
    const resolved = JSON.parse(doc.body) as ResolvedProtocol;
    const { body: _body, ...summary } = doc;
    return { summary, resolved, compiled: compileProtocol(resolved) };
  }
}
