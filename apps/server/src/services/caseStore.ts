import { createHash } from 'node:crypto';
import {
  canonicalJson,
  fireTimer,
  openCase,
  replay,
  step,
  type CaseState,
  type EventRecord,
  type StepResult,
} from '@ruta/engine';
import type { Logger } from 'pino';
import type { CaseRepository } from '../db/repositories/caseRepository.js';
import type { EventRepository } from '../db/repositories/eventRepository.js';
import type { CaseDoc } from '../db/schemas/caseSchema.js';
import { conflict } from '../errors.js';
import { caseFields } from './caseFields.js';
import { historyLookup } from './historyLookup.js';
import type { ProtocolStore } from './protocolStore.js';
import { reapplyMigration } from './reapplyMigration.js';

/** Pauses between two batches of case-document updates under load: at least, at most. */
const MIN_PAUSE_MS = 100;
const MAX_PAUSE_MS = 2_000;

/** A case as stored, with its state parsed. */
export interface LoadedCase {
  doc: CaseDoc;
  state: CaseState;
}

/** Whether the caller may know of a case of this country (see CaseStore.load). */
export type CountryCheck = (doc: Pick<CaseDoc, 'country'>) => boolean;

/** Carries out the effects of a committed event (idempotently: it may run again after a crash). */
export type EffectRunner = (event: EventRecord, after: LoadedCase) => Promise<void>;

/**
 * Where cases are kept, and how a step is made durable without multi-document transactions:
 *
 * 1. the event is inserted into caseEvents; the unique (caseId, seq) index makes this the commit
 *    point: of N concurrent steps at the same version exactly one gets in, the rest get 409.
 *    Once it is in, the step is durable and is acknowledged;
 * 2. the case document is moved to the new state, conditional on its stored seq being lower
 *    (so it never moves backwards). This is written behind the answer, coalescing several steps
 *    of a busy case into one update;
 * 3. the event's effects are carried out, each written under an id derived from the event.
 *
 * A case document may therefore lag its events: after a crash between 1 and 2, or for the
 * moments before the write-behind lands. Reading a case always looks for events newer than
 * what it knows and rolls the case forward by re-applying them with the engine at their
 * recorded time and id (the result must hash to the recorded hash), then carries out their
 * effects again (they are idempotent).
 */
export class CaseStore {
  /** Last known state of recently written cases: saves a read on the next step. */
  private readonly recent = new Map<string, LoadedCase>();
  /**
   * The SHA-256 of the stored state text (cur.state) of each case this process wrote, or checked
   * against its history, at its last version: a document that still has it needs no check again.
   */
  private readonly checked = new Map<string, string>();
  /** Case documents to move forward (write-behind), the newest state per case. */
  private readonly pending = new Map<string, LoadedCase>();
  private flushing: Promise<void> | null = null;
  private draining = false;

  constructor(
    private readonly cases: CaseRepository,
    private readonly events: EventRepository,
    private readonly protocols: ProtocolStore,
    private readonly logger: Logger,
    private runEffects: EffectRunner = async () => undefined,
  ) {}

  setEffectRunner(runner: EffectRunner): void {
    this.runEffects = runner;
  }

  /**
   * The case as stored, rolled forward over any event its document does not show yet; null if
   * none. Refused (case-damaged) when the document does not stand on its stored history: its
   * head is not the hash of the event at its seq (changed, or that event deleted), or a later
   * event does not re-apply. A step is never chained onto a head the history does not have.
   *
   * With `mayKnow`, null for a case of a country it refuses, judged before anything else: a
   * caller who may not know the case exists learns nothing of it, not even that it is damaged,
   * and does not make the server roll it forward.
   */
  async load(caseId: string, mayKnow?: CountryCheck): Promise<LoadedCase | null> {
    const doc = await this.cases.find(caseId);
    const known = this.known(caseId);
    const owner = doc ?? known?.doc;
    if (mayKnow && owner && !mayKnow(owner)) return null;
    let loaded: LoadedCase;
    if (doc && known && known.state.seq > doc.cur.seq) {
      loaded = { doc: { ...doc, cur: caseFields(known.state) }, state: known.state };
    } else if (doc) {
      const state = storedState(doc);
      if (!state) throw damagedDocument({ id: caseId, seq: doc.cur.seq, protocol: doc.cur });
      loaded = { doc, state };
      if (this.checked.get(caseId) !== digest(doc.cur.state)) await this.checkAgainstHistory(loaded);
    } else if (known) {
      loaded = known;
    } else {
      const first = await this.events.find(caseId, 0);
      if (!first) return null;
      if (mayKnow && !(first.country !== undefined && mayKnow({ country: first.country }))) return null;
      loaded = await this.reopen(first);
      await this.runEffects(first, loaded);
    }
    // The event the state was written from, read by _id (the one read a load adds): a head or
    // a stage the history does not have is refused rather than built on.
    const at = await this.events.find(caseId, loaded.state.seq);
    if (!standsOn(loaded, at))
      throw damagedDocument({ id: caseId, seq: loaded.state.seq, protocol: loaded.state.protocol });
    for (;;) {
      const next = await this.events.find(caseId, loaded.state.seq + 1);
      if (!next) break;
      const state = await this.reapply(loaded.state, next);
      loaded = { doc: { ...loaded.doc, cur: caseFields(state) }, state };
      this.schedule(loaded);
      await this.runEffects(next, loaded);
    }
    this.remember(loaded);
    return loaded;
  }

  /**
   * The case at `version` for a write: from memory when this process wrote or read it last at
   * that version (nothing outside the event log changed it since: see forget), else loaded.
   */
  async forWrite(caseId: string, version: number, mayKnow?: CountryCheck): Promise<LoadedCase | null> {
    const hit = this.recent.get(caseId);
    if (hit && hit.state.seq === version) return mayKnow && !mayKnow(hit.doc) ? null : hit;
    return this.load(caseId, mayKnow);
  }

  /** Stores a newly opened case. Null when the id is taken (nothing is written then). */
  async create(state: CaseState, opened: EventRecord, assignee: string | null): Promise<LoadedCase | null> {
    if (!(await this.events.append(opened))) return null;
    const doc: CaseDoc = {
      _id: state.id,
      country: state.country,
      assignee,
      links: {},
      handovers: {},
      openedAt: state.openedAt,
      cur: caseFields(state),
    };
    await this.cases.insert(doc);
    const loaded = { doc: (await this.cases.find(state.id)) ?? doc, state };
    this.remember(loaded);
    await this.runEffects(opened, loaded);
    return loaded;
  }

  /**
   * Makes a step's result durable. Throws a conflict when another writer committed an event at
   * this version first (and rolls the case forward if that writer died before finishing).
   */
  async commit(before: LoadedCase, result: Extract<StepResult, { ok: true }>): Promise<LoadedCase> {
    const caseId = before.state.id;
    if (!(await this.events.append(result.event))) {
      const now = await this.load(caseId);
      throw conflict(
        'stale-version',
        `The case changed since version ${before.state.seq} (it is now at version ${now?.state.seq ?? '?'}); reload it and try again.`,
        [{ expectedVersion: before.state.seq, version: now?.state.seq ?? null }],
      );
    }
    const after: LoadedCase = { doc: { ...before.doc, cur: caseFields(result.case) }, state: result.case };
    this.remember(after);
    this.schedule(after);
    if (result.event.effects.length === 0) return after;
    await this.runEffects(result.event, after);
    // Effects may have linked cases or handovers to this one: show them in the answer.
    await this.flush(caseId);
    const fresh = await this.cases.find(caseId);
    if (!fresh) return after;
    const refreshed = { doc: { ...fresh, cur: caseFields(after.state) }, state: after.state };
    this.remember(refreshed);
    return refreshed;
  }

  /** Forgets the in-memory copy (after a change outside the event log: assignee, links, handovers). */
  forget(caseId: string): void {
    this.recent.delete(caseId);
  }

  /** Writes the pending document update of one case (or all) now, e.g. before a conditional update of its document. */
  async flush(caseId?: string): Promise<void> {
    if (caseId === undefined || this.pending.has(caseId)) await this.drain();
  }

  /** Waits until every pending document update is written (clean shutdown). */
  async drain(): Promise<void> {
    this.draining = true;
    try {
      if (this.pending.size > 0 && !this.flushing) this.flushing = this.flushLoop();
      while (this.flushing) await this.flushing;
    } finally {
      this.draining = false;
    }
  }

  /**
   * Cases whose document is behind their events (a crash between commit and update): rolled
   * forward. A case whose stored events no longer re-apply (altered in the database) is left as
   * it is and named in `unrecoverable`, so that one damaged case does not keep the others (and
   * the server) from starting.
   */
  async recover(): Promise<{ recovered: number; unrecoverable: string[] }> {
    const last = await this.events.lastSeqs();
    const stored = new Map((await this.cases.allIdsAndSeqs()).map((c) => [c._id, c.seq]));
    let recovered = 0;
    const unrecoverable: string[] = [];
    for (const [caseId, seq] of last) {
      if ((stored.get(caseId) ?? -1) >= seq) continue;
      try {
        await this.load(caseId);
        recovered++;
      } catch {
        unrecoverable.push(caseId);
      }
    }
    await this.drain();
    return { recovered, unrecoverable };
  }

  private known(caseId: string): LoadedCase | undefined {
    const a = this.pending.get(caseId);
    const b = this.recent.get(caseId);
    if (!a) return b;
    if (!b) return a;
    return a.state.seq >= b.state.seq ? a : b;
  }

  /**
   * Keeps the case in memory, and notes the state text its document has (or will have, once
   * written) as sound: this process wrote it, or checked it against the history.
   */
  private remember(loaded: LoadedCase): void {
    if (this.recent.size >= 5_000) this.recent.clear();
    this.recent.set(loaded.state.id, loaded);
    if (this.checked.size >= 20_000) this.checked.clear();
    this.checked.set(loaded.state.id, digest(loaded.doc.cur.state));
  }

  /**
   * Holds a case document read from the database against its whole stored history: the
   * history replayed up to the document's event must give exactly the document's state (form
   * data, stage, deadlines, profile...). A document changed in the database (a forged answer
   * that a guard would read, a deadline removed) is refused rather than shown or stepped on.
   */
  private async checkAgainstHistory(loaded: LoadedCase): Promise<void> {
    const { state } = loaded;
    const history = await this.events.history(state.id);
    const report = replay(history, await historyLookup(this.protocols, history), { document: state });
    if (!report.ok) {
      this.logger.warn(
        { caseId: state.id, seq: state.seq, differs: report.document?.map((d) => d.part) ?? [] },
        'case document does not match its history',
      );
      throw damagedDocument({ id: state.id, seq: state.seq, protocol: state.protocol });
    }
  }

  private schedule(loaded: LoadedCase): void {
    const queued = this.pending.get(loaded.state.id);
    if (!queued || queued.state.seq < loaded.state.seq) this.pending.set(loaded.state.id, loaded);
    if (!this.flushing) this.flushing = this.flushLoop();
  }

  /**
   * Writes pending case documents in batches. Under load it pauses between batches for twice
   * as long as the last batch took (0.1 to 2 s), so a busy case's successive steps
   * coalesce into one update and the database spends its time on the commit points (the event
   * inserts) that answers wait for. Idle, a document follows its step within milliseconds.
   */
  private async flushLoop(): Promise<void> {
    // Let the steps of this turn of the event loop join the batch.
    await new Promise<void>((r) => setImmediate(r));
    try {
      while (this.pending.size > 0) {
        const batch = [...this.pending.values()];
        this.pending.clear();
        const started = performance.now();
        try {
          await this.cases.advanceMany(batch.map((l) => ({ id: l.state.id, cur: caseFields(l.state) })));
        } catch (err) {
          // The events are stored: the next read of these cases (or start-up recovery) rolls them forward.
          this.logger.error({ err, cases: batch.map((l) => l.state.id) }, 'case document update failed');
        }
        if (this.pending.size > 0 && !this.draining) {
          const pause = Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, 2 * (performance.now() - started)));
          await new Promise<void>((r) => setTimeout(r, pause));
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /** Rebuilds a case whose "opened" event was stored but whose document was not. */
  private async reopen(first: EventRecord): Promise<LoadedCase> {
    const { compiled } = await this.protocols.get(first.protocol.id, first.protocol.version);
    const country = first.country ?? first.actor.country;
    if (country === 'REGIONAL')
      throw new Error(`case ${first.caseId}: cannot tell its country from its opened event`);
    const opened = openCase(
      compiled,
      { id: first.caseId, country, actor: first.actor },
      { clock: () => first.at, ids: () => first.id },
    );
    if (opened.event.hash !== first.hash) {
      throw new Error(`case ${first.caseId}: re-opening does not give the recorded event 0 (hash differs)`);
    }
    const doc: CaseDoc = {
      _id: first.caseId,
      country,
      assignee: null,
      links: {},
      handovers: {},
      openedAt: opened.case.openedAt,
      cur: caseFields(opened.case),
    };
    await this.cases.insert(doc);
    const stored = await this.cases.find(first.caseId);
    return { doc: stored ?? doc, state: stored ? (JSON.parse(stored.cur.state) as CaseState) : opened.case };
  }

  /** Re-applies a recorded event to the state before it; the result must hash as recorded. */
  private async reapply(state: CaseState, event: EventRecord): Promise<CaseState> {
    const deps = { clock: () => event.at, ids: () => event.id };
    let r: StepResult;
    if (event.kind === 'migrated') {
      r = await reapplyMigration(this.protocols, state, event, deps);
    } else {
      const { compiled } = await this.protocols.get(state.protocol.id, state.protocol.version);
      if (event.kind === 'timer') {
        const timer = state.timers.find((t) => t.event === event.type);
        r = timer
          ? fireTimer(compiled, state, timer, deps)
          : { ok: false, reasons: [{ code: 'bad-input', message: `timer ${event.type} is not pending` }] };
      } else {
        r = step(compiled, state, { event: event.type, data: event.data, actor: event.actor }, deps);
      }
    }
    if (!r.ok || r.event.hash !== event.hash) throw damaged(state, event.seq);
    return r.case;
  }
}

/** A short fingerprint of a state text: what `checked` keeps, so that it holds no case's data. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** The case document's state; null when its text is not a JSON object (changed in the database). */
function storedState(doc: CaseDoc): CaseState | null {
  try {
    const state: unknown = JSON.parse(doc.cur.state);
    return typeof state === 'object' && state !== null ? (state as CaseState) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the case stands on `at`, the stored event at its seq: the document's state ends with
 * that event (its hash, the state it led to), and the document's own seq and head say the same.
 */
function standsOn(loaded: LoadedCase, at: EventRecord | null): boolean {
  const { state, doc } = loaded;
  return (
    at !== null &&
    at.seq === state.seq &&
    at.hash === state.head &&
    canonicalJson(at.to) === canonicalJson(state.value ?? null) &&
    doc.cur.seq === state.seq &&
    doc.cur.head === state.head
  );
}

/**
 * The refusal for a case whose document does not stand on its stored history: the document's
 * last event is not in the history as it says (changed or deleted in the database).
 */
function damagedDocument(c: { id: string; seq: number; protocol: unknown }) {
  return conflict(
    'case-damaged',
    `Case ${c.id} cannot be used: its stored document does not match its stored history at event ${c.seq} (one of them may have been altered in the database). Nothing was changed. An auditor can check its hash chain and replay it under Auditoría.`,
    [{ caseId: c.id, seq: c.seq, protocol: protocolOf(c.protocol) }],
  );
}

/** The protocol a damaged case names (for the auditor's page to word the audit with), as far as it can be read. */
function protocolOf(p: unknown): { id: string; version: number } | null {
  if (typeof p !== 'object' || p === null) return null;
  const id = 'id' in p ? p.id : 'protocolId' in p ? p.protocolId : undefined;
  const version = 'version' in p ? p.version : 'protocolVersion' in p ? p.protocolVersion : undefined;
  return typeof id === 'string' && typeof version === 'number' ? { id, version } : null;
}

/**
 * The refusal for a case whose stored event does not re-apply, or re-applies to another record:
 * the event log was changed outside the server. Its reasons are not given (they could quote the
 * case's data); the audit chain and replay say where and why.
 */
function damaged(state: CaseState, seq: number) {
  const caseId = state.id;
  return conflict(
    'case-damaged',
    `Case ${caseId} cannot be used: its stored history no longer re-applies from event ${seq} (it may have been altered in the database). Nothing was changed. An auditor can check its hash chain and replay it under Auditoría.`,
    [{ caseId, seq, protocol: protocolOf(state.protocol) }],
  );
}
