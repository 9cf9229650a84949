import type { EventRecord } from '@ruta/engine';
import { conflict } from '../../errors.js';
import { BatchWriter } from '../batchWriter.js';
import type { Models } from '../models.js';
import { eventKey, type CaseEventDoc } from '../schemas/caseEventSchema.js';

/** The append-only history of cases. Nothing here updates or deletes an event. */
export class EventRepository {
  private readonly writer: BatchWriter<CaseEventDoc, boolean>;

  constructor(
    private readonly models: Models,
    private readonly encode: (record: EventRecord) => string,
  ) {
    this.writer = new BatchWriter((docs) => this.insertEach(docs));
  }

  /**
   * Appends an event: the commit point of a step. Resolves once the event is stored (true) or
   * refused because an event with that (caseId, seq) exists, i.e. another writer got there
   * first (false). Concurrent appends share one unordered insert (group commit); each still
   * succeeds or fails on its own.
   */
  append(record: EventRecord): Promise<boolean> {
    return this.writer.submit({
      _id: eventKey(record.caseId, record.seq),
      caseId: record.caseId,
      seq: record.seq,
      kind: record.kind,
      at: record.at,
      record: this.encode(record),
    });
  }

  /** The event at `seq` of a case, or null. Looked up by _id (the cheapest read on any backend). */
  async find(caseId: string, seq: number): Promise<EventRecord | null> {
    const doc = await this.models.caseEvents.findById(eventKey(caseId, seq)).lean<CaseEventDoc>().exec();
    return doc ? decode(doc) : null;
  }

  /** Every event of a case in order. */
  async history(caseId: string): Promise<EventRecord[]> {
    return (await this.stored(caseId)).map(decode);
  }

  /**
   * Every event of a case in order as stored, for the audit: a record that is not an event
   * record (its text altered in the database) is null, for the chain check to say where.
   */
  async historyAsStored(caseId: string): Promise<(EventRecord | null)[]> {
    return (await this.stored(caseId)).map((doc) => parseRecord(doc.record));
  }

  private async stored(caseId: string): Promise<CaseEventDoc[]> {
    return this.models.caseEvents.find({ caseId }).sort({ seq: 1 }).lean<CaseEventDoc[]>().exec();
  }

  /**
   * The last seq of each case (start-up recovery). Seqs run 0, 1, 2... without gaps (the unique
   * index and the chain see to it), so the last is the count minus one; FerretDB has no $max.
   */
  async lastSeqs(): Promise<Map<string, number>> {
    const rows = await this.models.caseEvents
      .aggregate<{ _id: string; n: number }>([{ $group: { _id: '$caseId', n: { $sum: 1 } } }])
      .exec();
    return new Map(rows.map((r) => [r._id, r.n - 1]));
  }

  /** One unordered insert of the batch: duplicates fail one by one, the rest are stored. */
  private async insertEach(docs: CaseEventDoc[]): Promise<boolean[]> {
    const native = this.models.caseEvents.db.db!.collection<CaseEventDoc>(
      this.models.caseEvents.collection.collectionName,
    );
    try {
      await native.insertMany(docs, { ordered: false });
      return docs.map(() => true);
    } catch (e) {
      const writeErrors = (e as { writeErrors?: { index: number; code?: number }[] }).writeErrors;
      if (!writeErrors || writeErrors.some((w) => w.code !== 11000)) throw e;
      const refused = new Set(writeErrors.map((w) => w.index));
      return docs.map((_, i) => !refused.has(i));
    }
  }
}

/**
 * The stored event, or a 409 case-damaged when its text is not an event record (altered in the
 * database): the case is then not shown or built on, as for any other alteration, and the parser's
 * message, which can quote the case's data, reaches neither the answer nor the log.
 */
function decode(doc: CaseEventDoc): EventRecord {
  const record = parseRecord(doc.record);
  if (record !== null) return record;
  throw conflict(
    'case-damaged',
    `Case ${doc.caseId} cannot be used: its stored event ${doc.seq} is not an event record (it may have been altered in the database). Nothing was changed. An auditor can check its hash chain and replay it under Auditoría.`,
    [{ caseId: doc.caseId, seq: doc.seq, protocol: null }],
  );
}

/** The event record a stored text holds; null when it is not JSON of an object. */
function parseRecord(text: string): EventRecord | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as EventRecord)
    : null;
}
