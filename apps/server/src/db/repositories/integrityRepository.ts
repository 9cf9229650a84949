import { insertIfAbsent, type Models } from '../models.js';
import type {
  IntegrityFindingDoc,
  IntegrityProblem,
  IntegritySweepDoc,
  PacketFindingDoc,
  PacketProblemDoc,
  SweepCount,
} from '../schemas/integritySchema.js';

const LAST = 'last';

/** The integrity sweep's findings (damaged cases and handover packets) and its last run. */
export class IntegrityRepository {
  constructor(private readonly models: Models) {}

  /** Records that a case was found damaged at `at` (keeping when it was first found). */
  async found(
    caseId: string,
    of: Pick<IntegrityFindingDoc, 'country' | 'protocol'>,
    problem: IntegrityProblem,
    at: string,
  ): Promise<void> {
    const fresh: IntegrityFindingDoc = { _id: caseId, ...of, foundAt: at, checkedAt: at, problem };
    if (await insertIfAbsent(this.models.integrityFindings, fresh)) return;
    await this.models.integrityFindings
      .updateOne({ _id: caseId }, { $set: { ...of, checkedAt: at, problem } })
      .exec();
  }

  /** A case found sound: no finding is kept for it. */
  async sound(caseId: string): Promise<void> {
    await this.models.integrityFindings.deleteOne({ _id: caseId }).exec();
  }

  /** The ids of every case a finding is kept for. */
  async flagged(): Promise<Set<string>> {
    const docs = await this.models.integrityFindings.find({}, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return new Set(docs.map((d) => d._id));
  }

  /** Damaged cases of these countries (every country's when null), newest finding first. */
  async list(countries: string[] | null, limit: number): Promise<IntegrityFindingDoc[]> {
    return this.models.integrityFindings
      .find(countries ? { country: { $in: countries } } : {})
      .sort({ foundAt: -1, _id: 1 })
      .limit(limit)
      .lean<IntegrityFindingDoc[]>()
      .exec();
  }

  async count(countries: string[] | null): Promise<number> {
    return this.models.integrityFindings
      .countDocuments(countries ? { country: { $in: countries } } : {})
      .exec();
  }

  /** Records that a handover's packet was found damaged at `at` (keeping when it was first found). */
  async packetFound(
    of: Omit<PacketFindingDoc, 'foundAt' | 'checkedAt' | 'problem' | 'countries'>,
    problem: PacketProblemDoc,
    at: string,
  ): Promise<void> {
    const countries = [...new Set([of.fromCountry, of.toCountry])];
    const fresh: PacketFindingDoc = { ...of, countries, foundAt: at, checkedAt: at, problem };
    if (await insertIfAbsent(this.models.packetFindings, fresh)) return;
    const { _id, ...rest } = of;
    await this.models.packetFindings
      .updateOne({ _id }, { $set: { ...rest, countries, checkedAt: at, problem } })
      .exec();
  }

  /** A handover whose packet was found sound: no finding is kept for it. */
  async packetSound(handoverId: string): Promise<void> {
    await this.models.packetFindings.deleteOne({ _id: handoverId }).exec();
  }

  /** Every handover a packet finding is kept for, by id: the countries and case it names. */
  async packetsFlagged(): Promise<
    Map<string, Pick<PacketFindingDoc, 'caseId' | 'fromCountry' | 'toCountry'>>
  > {
    const docs = await this.models.packetFindings
      .find({}, { _id: 1, caseId: 1, fromCountry: 1, toCountry: 1 })
      .lean<Pick<PacketFindingDoc, '_id' | 'caseId' | 'fromCountry' | 'toCountry'>[]>()
      .exec();
    return new Map(docs.map(({ _id, ...of }) => [_id, of]));
  }

  /** A handover found damaged before is no longer stored at all: its finding now says so. */
  async packetMissing(handoverId: string, at: string): Promise<void> {
    const problem: PacketProblemDoc = { code: 'missing', fields: [] };
    await this.models.packetFindings
      .updateOne({ _id: handoverId }, { $set: { checkedAt: at, problem } })
      .exec();
  }

  /** Damaged packets of handovers from or to these countries (all when null), newest finding first. */
  async listPackets(countries: string[] | null, limit: number): Promise<PacketFindingDoc[]> {
    return this.models.packetFindings
      .find(countries ? { countries: { $in: countries } } : {})
      .sort({ foundAt: -1, _id: 1 })
      .limit(limit)
      .lean<PacketFindingDoc[]>()
      .exec();
  }

  async countPackets(countries: string[] | null): Promise<number> {
    return this.models.packetFindings
      .countDocuments(countries ? { countries: { $in: countries } } : {})
      .exec();
  }

  async lastSweep(): Promise<IntegritySweepDoc | null> {
    return this.models.integritySweeps.findById(LAST).lean<IntegritySweepDoc>().exec();
  }

  /** Notes a sweep begun or finished (the one document is replaced whole). */
  async saveSweep(sweep: {
    startedAt: string;
    finishedAt: string | null;
    countries: Record<string, SweepCount>;
    handovers: Record<string, SweepCount>;
  }): Promise<void> {
    const doc: IntegritySweepDoc = { _id: LAST, ...sweep };
    if (await insertIfAbsent(this.models.integritySweeps, doc)) return;
    await this.models.integritySweeps.replaceOne({ _id: LAST }, doc).exec();
  }
}
