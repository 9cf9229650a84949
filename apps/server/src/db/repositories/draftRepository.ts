import type { Jurisdiction } from '@ruta/protocol';
import type { Models } from '../models.js';
import { ClaimRepository } from './claimRepository.js';
import type { DraftDoc } from '../schemas/draftSchema.js';

export class DraftRepository {
  private readonly claims: ClaimRepository;

  constructor(private readonly models: Models) {
    this.claims = new ClaimRepository(models);
  }

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

  /**
   * Saves a new revision if nobody saved since `expectedRevision`; null when someone did. The
   * revision is claimed first (a unique insert, the commit point on every database: see
   * ClaimDoc), so of two saves of the same revision exactly one wins, even on FerretDB; a save
   * interrupted after its claim is rolled forward by the next one to find it.
   */
  async update(id: string, expectedRevision: number, set: DraftChange): Promise<DraftDoc | null> {
    const revision = expectedRevision + 1;
    if (!(await this.claims.claim(revisionKey(id, revision), `draft:${id}`, set))) {
      await this.rollForward(id, revision);
      return null;
    }
    // Someone who lost the claim may have rolled this very save forward already.
    const saved = (await this.write(id, revision, set)) ?? (await this.asSavedBy(id, revision, set));
    // The claim before this one is no longer needed to roll anything forward.
    await this.claims.remove(revisionKey(id, expectedRevision));
    return saved;
  }

  /** The draft as the save that won `revision` left it, when it has that revision or a later one. */
  private async asSavedBy(id: string, revision: number, set: DraftChange): Promise<DraftDoc | null> {
    const now = await this.find(id);
    if (!now || now.revision < revision) return null;
    return now.revision === revision ? now : { ...now, ...set, revision };
  }

  /** Writes the claimed `revision` unless the draft already has it (or is gone: published). */
  private async write(id: string, revision: number, set: DraftChange): Promise<DraftDoc | null> {
    return this.models.drafts
      .findOneAndUpdate(
        { _id: id, revision: { $lt: revision } },
        { $set: { ...set, revision } },
        { returnDocument: 'after' },
      )
      .lean<DraftDoc>()
      .exec();
  }

  /**
   * Discards the draft if nobody saved since `expectedRevision`: false when someone did (or the
   * draft is gone). A discard claims the next revision as a save does, so of a save and a discard
   * of one revision exactly one wins, even on FerretDB (where a delete conditioned on the
   * revision is a read, then a write: a save landing in between would be lost unseen). A discard
   * interrupted after its claim is completed by the next writer to find the claim.
   */
  async discard(id: string, expectedRevision: number, by: string): Promise<boolean> {
    const revision = expectedRevision + 1;
    const mark: DiscardMark = { discardedBy: by };
    if (!(await this.claims.claim(revisionKey(id, revision), `draft:${id}`, mark))) {
      await this.rollForward(id, revision);
      return false;
    }
    await this.erase(id, revision);
    return true;
  }

  /** Completes a save or discard that claimed `revision` but may not have written it. */
  private async rollForward(id: string, revision: number): Promise<void> {
    const claimed = await this.claims.winner<DraftChange | DiscardMark>(revisionKey(id, revision));
    if (!claimed) return;
    if (isDiscard(claimed)) await this.erase(id, revision);
    else await this.write(id, revision, claimed);
  }

  /** Deletes the draft the discard that claimed `revision` found, and every claim on it. */
  private async erase(id: string, revision: number): Promise<void> {
    await this.models.drafts.deleteOne({ _id: id, revision: { $lt: revision } }).exec();
    await this.claims.removeFor(`draft:${id}`);
  }

  async remove(id: string): Promise<void> {
    await this.models.drafts.deleteOne({ _id: id }).exec();
    await this.claims.removeFor(`draft:${id}`);
  }
}

/** What a discard claims its revision with, in place of a save's change. */
interface DiscardMark {
  discardedBy: string;
}

const isDiscard = (v: DraftChange | DiscardMark): v is DiscardMark => 'discardedBy' in v;

/** What a save changes in a draft. */
export type DraftChange = Pick<
  DraftDoc,
  'file' | 'forms' | 'fileId' | 'fileVersion' | 'kind' | 'problems' | 'invariants' | 'updatedBy' | 'updatedAt'
>;

const revisionKey = (id: string, revision: number) => `draft:${id}#${revision}`;
