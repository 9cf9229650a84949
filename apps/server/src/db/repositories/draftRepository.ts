import type { Jurisdiction } from '@ruta/protocol';
import type { Models } from '../models.js';
import type { DraftDoc } from '../schemas/draftSchema.js';

export class DraftRepository {
  constructor(private readonly models: Models) {}

  async insert(doc: DraftDoc): Promise<void> {
    await this.models.drafts.create(doc);
  }

  async find(id: string): Promise<DraftDoc | null> {
    return this.models.drafts.findById(id).lean<DraftDoc>().exec();
  }

  async listFor(jurisdiction: Jurisdiction): Promise<DraftDoc[]> {
    return this.models.drafts.find({ jurisdiction }).sort({ updatedAt: -1 }).lean<DraftDoc[]>().exec();
  }

  /** The jurisdictions that have a draft of the file id `fileId`. */
  async jurisdictionsDrafting(fileId: string): Promise<Jurisdiction[]> {
    const drafts = await this.models.drafts
      .find({ fileId }, { jurisdiction: 1 })
      .lean<Pick<DraftDoc, 'jurisdiction'>[]>()
      .exec();
    return [...new Set(drafts.map((d) => d.jurisdiction))];
  }

  /** Saves a new revision if nobody saved since `expectedRevision`; null when someone did. */
  async update(
    id: string,
    expectedRevision: number,
    set: Pick<
      DraftDoc,
      | 'file'
      | 'forms'
      | 'fileId'
      | 'fileVersion'
      | 'kind'
      | 'problems'
      | 'invariants'
      | 'updatedBy'
      | 'updatedAt'
    >,
  ): Promise<DraftDoc | null> {
    return this.models.drafts
      .findOneAndUpdate(
        { _id: id, revision: expectedRevision },
        { $set: { ...set, revision: expectedRevision + 1 } },
        { returnDocument: 'after' },
      )
      .lean<DraftDoc>()
      .exec();
  }

  async remove(id: string): Promise<void> {
    await this.models.drafts.deleteOne({ _id: id }).exec();
  }
}
