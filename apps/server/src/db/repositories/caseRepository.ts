import { insertIfAbsent, type Models } from '../models.js';
import { OneAtATime } from '../oneAtATime.js';
import type { CaseCurrent, CaseDoc, CaseHandoverDoc, CaseLinkDoc } from '../schemas/caseSchema.js';

export interface WorklistFilter {
  countries: string[] | null;
  /**
   * Only cases whose id is this text or starts with it, taken literally, and the cases linked to
   * the case whose whole id it is (e.g. the case a handover from another country opened).
   */
  reference?: string;
  protocolId?: string;
  state?: string;
  assignee?: string;
  status?: 'active' | 'closed';
  overdueBefore?: string;
  /** Only cases none of whose deadlines passed by this instant. */
  notOverdueAt?: string;
  /** Only cases after this one in worklist order (due key, then id). */
  after?: { dueKey: string; id: string };
  limit: number;
}

/**
 * The conditions of a search by reference, any of which finds a case: its id starts with the text
 * (a range rather than a regex, so the text is taken literally and the _id index serves it), or,
 * for a whole id, a link to that case (links are keyed by case id; only a whole id is a key).
 */
function byReference(text: string): Record<string, unknown>[] {
  const conditions: Record<string, unknown>[] = [{ _id: { $gte: text, $lt: `${text}\uffff` } }];
  if (/^[0-9a-f]{24}$/.test(text)) conditions.push({ [`links.${text}`]: { $exists: true } });
  return conditions;
}

/** Where a case stands in the order of due timers. */
export interface DueTimerPosition {
  id: string;
  nextTimer: string;
}

export type StatsRow = { _id: Record<string, string | null>; count: number };

/**
 * Case documents. Their updates (the current state, the assignee, links, handovers) run one at a
 * time per case (see OneAtATime), so that none undoes another's field (a handover or a link gone
 * from the case).
 */
export class CaseRepository {
  private readonly oneAtATime = new OneAtATime();

  constructor(private readonly models: Models) {}

  /** Writes a new case; false when a case with that id exists (it was rolled forward already). */
  async insert(doc: CaseDoc): Promise<boolean> {
    return insertIfAbsent(this.models.cases, doc);
  }

  async find(id: string): Promise<CaseDoc | null> {
    return this.models.cases.findById(id).lean<CaseDoc>().exec();
  }

  /**
   * Moves stored cases forward to later states in one round trip. `$max` on `cur` (whose first
   * field is seq) is the version condition: a case already at that seq or later is left as it is,
   * so a slower or repeated writer never moves a case backwards.
   */
  async advanceMany(items: { id: string; cur: CaseCurrent }[]): Promise<void> {
    if (items.length === 0) return;
    // The driver's bulk write: mongoose would cast `cur` and could reorder its fields.
    const native = this.models.cases.db.db!.collection<CaseDoc>(this.models.cases.collection.collectionName);
    await this.oneAtATime.run(
      items.map((i) => i.id),
      () =>
        native.bulkWrite(
          items.map((i) => ({ updateOne: { filter: { _id: i.id }, update: { $max: { cur: i.cur } } } })),
          { ordered: false },
        ),
    );
  }

  /**
   * Assigns the case if it is still at `seq` and assigned to `from` (an assignment does not move
   * the case's version); false when either changed meanwhile.
   */
  async assign(
    id: string,
    seq: number,
    from: string | null,
    assignee: string,
    updatedAt: string,
  ): Promise<boolean> {
    const r = await this.oneAtATime.run([id], () =>
      this.models.cases
        .updateOne(
          { _id: id, 'cur.seq': seq, assignee: from },
          { $set: { assignee, 'cur.updatedAt': updatedAt } },
        )
        .exec(),
    );
    return r.matchedCount === 1;
  }

  /** Records a linked case on this case (idempotent: keyed by the other case's id). */
  async addLink(id: string, link: CaseLinkDoc): Promise<void> {
    await this.oneAtATime.run([id], () =>
      this.models.cases.updateOne({ _id: id }, { $set: { [`links.${link.caseId}`]: link } }).exec(),
    );
  }

  /** Records a handover of this case, or its new status (keyed by handover id). */
  async putHandover(id: string, handover: CaseHandoverDoc): Promise<void> {
    await this.oneAtATime.run([id], () =>
      this.models.cases.updateOne({ _id: id }, { $set: { [`handovers.${handover.id}`]: handover } }).exec(),
    );
  }

  /** Records a handover of this case unless the case already shows it (with whatever status). */
  async addHandoverIfMissing(id: string, handover: CaseHandoverDoc): Promise<void> {
    const path = `handovers.${handover.id}`;
    await this.oneAtATime.run([id], () =>
      this.models.cases
        .updateOne({ _id: id, [path]: { $exists: false } }, { $set: { [path]: handover } })
        .exec(),
    );
  }

  /** Worklist rows: overdue first, then nearest due, then those without a deadline. */
  async worklist(f: WorklistFilter): Promise<CaseDoc[]> {
    const q: Record<string, unknown> = {};
    if (f.countries) q.country = f.countries.length === 1 ? f.countries[0] : { $in: f.countries };
    if (f.status) q['cur.status'] = f.status;
    if (f.protocolId) q['cur.protocolId'] = f.protocolId;
    if (f.state) q['cur.states'] = f.state;
    if (f.assignee) q.assignee = f.assignee;
    if (f.overdueBefore) q['cur.dueKey'] = { $lt: f.overdueBefore };
    if (f.notOverdueAt) q['cur.dueKey'] = { $gte: f.notOverdueAt };
    const all: Record<string, unknown>[] = [];
    if (f.reference) all.push({ $or: byReference(f.reference) });
    if (f.after) {
      all.push({
        $or: [
          { 'cur.dueKey': { $gt: f.after.dueKey } },
          { 'cur.dueKey': f.after.dueKey, _id: { $gt: f.after.id } },
        ],
      });
    }
    if (all.length > 0) q.$and = all;
    return this.models.cases
      .find(q, { 'cur.state': 0 })
      .sort({ 'cur.dueKey': 1, _id: 1 })
      .limit(f.limit)
      .lean<CaseDoc[]>()
      .exec();
  }

  /**
   * Active cases with a delayed transition due by `now`, earliest first (then by id), starting
   * after `after` when given: a page of at most `limit`.
   */
  async withDueTimers(now: string, limit: number, after?: DueTimerPosition): Promise<DueTimerPosition[]> {
    const q: Record<string, unknown> = { 'cur.status': 'active', 'cur.nextTimer': { $lte: now } };
    if (after) {
      q.$or = [
        { 'cur.nextTimer': { $gt: after.nextTimer } },
        { 'cur.nextTimer': after.nextTimer, _id: { $gt: after.id } },
      ];
    }
    const rows = await this.models.cases
      .find(q, { _id: 1, 'cur.nextTimer': 1 })
      .sort({ 'cur.nextTimer': 1, _id: 1 })
      .limit(limit)
      .lean<{ _id: string; cur: { nextTimer: string } }[]>()
      .exec();
    return rows.map((r) => ({ id: r._id, nextTimer: r.cur.nextTimer }));
  }

  /** Case counts grouped by the given case fields (e.g. "cur.profile.sex", "cur.protocolId"). */
  async countBy(countries: string[] | null, fields: Record<string, string>): Promise<StatsRow[]> {
    const group: Record<string, string> = {};
    for (const [name, field] of Object.entries(fields)) group[name] = `$${field}`;
    const match = countries ? { country: { $in: countries } } : {};
    return this.models.cases
      .aggregate<StatsRow>([{ $match: match }, { $group: { _id: group, count: { $sum: 1 } } }])
      .exec();
  }

  async allIdsAndSeqs(): Promise<{ _id: string; seq: number }[]> {
    const rows = await this.models.cases
      .find({}, { _id: 1, 'cur.seq': 1 })
      .lean<{ _id: string; cur: { seq: number } }[]>()
      .exec();
    return rows.map((r) => ({ _id: r._id, seq: r.cur.seq }));
  }

  async count(): Promise<number> {
    return this.models.cases.countDocuments({}).exec();
  }
}
