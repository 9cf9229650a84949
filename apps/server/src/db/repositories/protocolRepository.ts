import type { Jurisdiction } from '@ruta/protocol';
import type { Models } from '../models.js';
import { isDuplicateKey } from '../models.js';
import type { ProtocolDoc } from '../schemas/protocolSchema.js';

export type ProtocolSummaryDoc = Omit<ProtocolDoc, 'body'>;

/** Published protocol versions: written once, never updated. */
export class ProtocolRepository {
  constructor(private readonly models: Models) {}

  /** Writes a new version; false when that id@version is already published. */
  async insert(doc: ProtocolDoc): Promise<boolean> {
    try {
      await this.models.protocols.create(doc);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
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
