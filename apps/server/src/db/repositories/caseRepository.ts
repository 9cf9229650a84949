import { insertIfAbsent, type Models } from '../models.js';
import type { CaseDoc, CaseHandoverDoc, CaseLinkDoc } from '../schemas/caseSchema.js';

/** The fields a step rewrites (everything but identity, assignee, links and handovers). */
export type CaseStateFields = Pick<
  CaseDoc,
  | 'status'
  | 'value'
  | 'states'
  | 'stage'
  | 'seq'
  | 'head'
  | 'nextDue'
  | 'dueKey'
  | 'nextTimer'
  | 'profile'
  | 'state'
  | 'protocolId'
  | 'protocolVersion'
  | 'protocolJurisdiction'
  | 'updatedAt'
>;

export interface WorklistFilter {
  countries: string[] | null;
  protocolId?: string;
  state?: string;
  assignee?: string;
  status?: 'active' | 'closed';
  overdueBefore?: string;
  limit: number;
}

export type StatsRow = { _id: Record<string, string | null>; count: number };

export class CaseRepository {
  constructor(private readonly models: Models) {}

  /** Writes a new case; false when a case with that id exists (it was rolled forward already). */
  async insert(doc: CaseDoc): Promise<boolean> {
    return insertIfAbsent(this.models.cases, doc);
  }

  async find(id: string): Promise<CaseDoc | null> {
    return this.models.cases.findById(id).lean<CaseDoc>().exec();
  }

  /**
   * Moves the case to a later event: only applied when the stored case is still at `fromSeq`,
   * so a slower writer can never move a case backwards. Returns the case as now stored, or
   * null when it was not at `fromSeq`.
   */
  async advance(id: string, fromSeq: number, fields: CaseStateFields): Promise<CaseDoc | null> {
    return this.models.cases
      .findOneAndUpdate({ _id: id, seq: fromSeq }, { $set: fields }, { returnDocument: 'after' })
      .lean<CaseDoc>()
      .exec();
  }

  /** Assigns the case if it is still at `seq`; false when it moved on. */
  async assign(id: string, seq: number, assignee: string, updatedAt: string): Promise<boolean> {
    const r = await this.models.cases.updateOne({ _id: id, seq }, { $set: { assignee, updatedAt } }).exec();
    return r.matchedCount === 1;
  }

  /** Records a linked case on this case (idempotent: keyed by the other case's id). */
  async addLink(id: string, link: CaseLinkDoc): Promise<void> {
    await this.models.cases.updateOne({ _id: id }, { $set: { [`links.${link.caseId}`]: link } }).exec();
  }

  /** Records a handover of this case, or its new status (keyed by handover id). */
  async putHandover(id: string, handover: CaseHandoverDoc): Promise<void> {
    await this.models.cases
      .updateOne({ _id: id }, { $set: { [`handovers.${handover.id}`]: handover } })
      .exec();
  }

  /** Worklist rows: overdue first, then nearest due, then those without a deadline. */
  async worklist(f: WorklistFilter): Promise<CaseDoc[]> {
    const q: Record<string, unknown> = {};
    if (f.countries) q.country = f.countries.length === 1 ? f.countries[0] : { $in: f.countries };
    if (f.status) q.status = f.status;
    if (f.protocolId) q.protocolId = f.protocolId;
    if (f.state) q.states = f.state;
    if (f.assignee) q.assignee = f.assignee;
    if (f.overdueBefore) q.dueKey = { $lt: f.overdueBefore };
    return this.models.cases
      .find(q, { state: 0 })
      .sort({ dueKey: 1, _id: 1 })
      .limit(f.limit)
      .lean<CaseDoc[]>()
      .exec();
  }

  /** Ids of active cases with a delayed transition due by `now`. */
  async withDueTimers(now: string, limit: number): Promise<string[]> {
    const rows = await this.models.cases
      .find({ status: 'active', nextTimer: { $lte: now } }, { _id: 1 })
      .sort({ nextTimer: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>()
      .exec();
    return rows.map((r) => r._id);
  }

  /** Case counts grouped by the given case fields (e.g. "profile.sex", "protocolId"). */
  async countBy(countries: string[] | null, fields: Record<string, string>): Promise<StatsRow[]> {
    const group: Record<string, string> = {};
    for (const [name, field] of Object.entries(fields)) group[name] = `$${field}`;
    const match = countries ? { country: { $in: countries } } : {};
    return this.models.cases
      .aggregate<StatsRow>([{ $match: match }, { $group: { _id: group, count: { $sum: 1 } } }])
      .exec();
  }

  async allIdsAndSeqs(): Promise<{ _id: string; seq: number }[]> {
    return this.models.cases.find({}, { _id: 1, seq: 1 }).lean<{ _id: string; seq: number }[]>().exec();
  }

  async count(): Promise<number> {
    return this.models.cases.countDocuments({}).exec();
  }
}
