import type { Jurisdiction } from '@ruta/protocol';
import type { Models } from '../models.js';
import { insertIfAbsent } from '../models.js';
import type { ProtocolDoc } from '../schemas/protocolSchema.js';
import { ClaimRepository } from './claimRepository.js';

export type ProtocolSummaryDoc = Omit<ProtocolDoc, 'body'>;

/** Who publishes under a protocol id: one jurisdiction, in one family (the regional root). */
export interface IdOwner {
  jurisdiction: Jurisdiction;
  root: string;
}

export type InsertResult =
  { ok: true } | { ok: false; reason: 'version-exists' } | { ok: false; reason: 'id-taken'; owner: IdOwner };

/** Published protocol versions: written once, never updated. */
export class ProtocolRepository {
  private readonly claims: ClaimRepository;

  constructor(private readonly models: Models) {
    this.claims = new ClaimRepository(models);
  }

  /**
   * Writes a new version, unless that id@version is already published or the id belongs to
   * another jurisdiction or family. The first version of an id claims the id for its jurisdiction
   * and family by a unique insert (atomic on every database, see ClaimDoc), so of two countries
   * publishing the same new id at the same moment exactly one gets it. A claim whose version was
   * never written (the server stopped in between) still reserves the id for its owner.
   */
  async insert(doc: ProtocolDoc): Promise<InsertResult> {
    const owner: IdOwner = { jurisdiction: doc.jurisdiction, root: doc.root };
    const key = idKey(doc.protocolId);
    if (!(await this.claims.claim(key, `protocol:${doc.protocolId}`, owner))) {
      const onRecord = await this.claims.winner<IdOwner>(key);
      if (onRecord && (onRecord.jurisdiction !== owner.jurisdiction || onRecord.root !== owner.root))
        return { ok: false, reason: 'id-taken', owner: onRecord };
    }
    return (await insertIfAbsent(this.models.protocols, doc))
      ? { ok: true }
      : { ok: false, reason: 'version-exists' };
  }

  async find(protocolId: string, version: number): Promise<ProtocolDoc | null> {
    return this.models.protocols.findById(`${protocolId}@${version}`).lean<ProtocolDoc>().exec();
  }

  /** The newest published version of a protocol id (any jurisdiction), without its body; null when none. */
  async latestOf(protocolId: string): Promise<ProtocolSummaryDoc | null> {
    return this.models.protocols
      .findOne({ protocolId }, { body: 0 })
      .sort({ version: -1 })
      .lean<ProtocolSummaryDoc>()
      .exec();
  }

  async list(): Promise<ProtocolSummaryDoc[]> {
    return this.models.protocols
      .find({}, { body: 0 })
      .sort({ protocolId: 1, version: 1 })
      .lean<ProtocolSummaryDoc[]>()
      .exec();
  }

  /** Every published version with its body (the registry a draft resolves against). */
  async listWithBodies(): Promise<ProtocolDoc[]> {
    return this.models.protocols.find({}).lean<ProtocolDoc[]>().exec();
  }

  /** The newest published version of `root`'s protocols in a jurisdiction, or null. */
  async latestFor(root: string, jurisdiction: Jurisdiction): Promise<ProtocolSummaryDoc | null> {
    return this.models.protocols
      .findOne({ root, jurisdiction }, { body: 0 })
      .sort({ version: -1 })
      .lean<ProtocolSummaryDoc>()
      .exec();
  }

  async count(): Promise<number> {
    return this.models.protocols.countDocuments({}).exec();
  }
}

const idKey = (protocolId: string) => `protocol-id:${protocolId}`;
