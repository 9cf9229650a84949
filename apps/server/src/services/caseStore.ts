import { fireTimer, openCase, step, type CaseState, type EventRecord, type StepResult } from '@ruta/engine';
import type { Logger } from 'pino';
import type { CaseRepository } from '../db/repositories/caseRepository.js';
import type { EventRepository } from '../db/repositories/eventRepository.js';
import type { CaseDoc } from '../db/schemas/caseSchema.js';
import { conflict } from '../errors.js';
import { caseFields } from './caseFields.js';
import type { ProtocolStore } from './protocolStore.js';
import { reapplyMigration } from './reapplyMigration.js';

/** A case as stored, with its state parsed. */
export interface LoadedCase {
  doc: CaseDoc;
  state: CaseState;
}

/** Carries out the effects of a committed event (idempotently: it may run again after a crash). */
export type EffectRunner = (event: EventRecord, after: LoadedCase) => Promise<void>;

/**
 * Where cases are kept, and how a step is made durable without multi-document transactions:
 *
 * 1. the event is inserted into caseEvents; the unique (caseId, seq) index makes this the commit
 *    point: of N concurrent steps at the same version exactly one gets in, the rest get 409;
 * 2. the case document is moved to the new state, conditional on still being at the old seq;
 * 3. the event's effects are carried out, each written under an id derived from the event.
 *
 * If the process dies between 1 and 2, the next read of the case finds the newer event and
 * rolls the case forward by re-applying it with the engine, at its recorded time and id (the
 * result must hash to the recorded hash), then carries out its effects.
 */
export class CaseStore {
  /** Last known state of recently written cases: saves a read on the next step. Never trusted for reads. */
  private readonly recent = new Map<string, LoadedCase>();

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

  /** The case as stored, rolled forward over any event its document does not show yet; null if none. */
  async load(caseId: string): Promise<LoadedCase | null> {
    let doc = await this.cases.find(caseId);
    let loaded: LoadedCase;
    if (!doc) {
      const first = await this.events.find(caseId, 0);
      if (!first) return null;
      loaded = await this.reopen(first);
      await this.runEffects(first, loaded);
    } else {
      loaded = { doc, state: JSON.parse(doc.state) as CaseState };
    }
    for (;;) {
      const next = await this.events.find(caseId, loaded.state.seq + 1);
      if (!next) break;
      this.logger.warn(
        { caseId, seq: next.seq },
        'rolling a case forward over an event its document did not show',
      );
      const state = await this.reapply(loaded.state, next);
      doc =
        (await this.cases.advance(caseId, loaded.state.seq, caseFields(state))) ??
        (await this.cases.find(caseId));
      if (!doc) throw new Error(`case ${caseId} disappeared while rolling forward`);
      loaded = { doc, state: JSON.parse(doc.state) as CaseState };
      await this.runEffects(next, loaded);
    }
    this.remember(loaded);
    return loaded;
  }

  /** The case at `version` for a write: from memory when this process wrote it last, else loaded. */
  async forWrite(caseId: string, version: number): Promise<LoadedCase | null> {
    const hit = this.recent.get(caseId);
    if (hit && hit.state.seq === version) return hit;
    return this.load(caseId);
  }

  /** Stores a newly opened case. False when the id is taken (nothing is written then). */
  async create(state: CaseState, opened: EventRecord, assignee: string | null): Promise<LoadedCase | null> {
    if (!(await this.events.append(opened))) return null;
    const doc: CaseDoc = {
      _id: state.id,
      country: state.country,
      assignee,
      links: {},
      handovers: {},
      openedAt: state.openedAt,
      ...caseFields(state),
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
      this.recent.delete(caseId);
      const now = await this.load(caseId);
      throw conflict(
        'stale-version',
        `The case changed since version ${before.state.seq} (it is now at version ${now?.state.seq ?? '?'}); reload it and try again.`,
        [{ expectedVersion: before.state.seq, version: now?.state.seq ?? null }],
      );
    }
    const doc =
      (await this.cases.advance(caseId, before.state.seq, caseFields(result.case))) ??
      (await this.cases.find(caseId));
    const after: LoadedCase = {
      doc: doc ?? { ...before.doc, ...caseFields(result.case) },
      state: result.case,
    };
    if (after.doc.seq !== result.case.seq) after.doc = { ...after.doc, ...caseFields(result.case) };
    this.remember(after);
    await this.runEffects(result.event, after);
    if (result.event.effects.length === 0) return after;
    // Effects may have linked cases or handovers to this one: show them in the answer.
    const fresh = await this.cases.find(caseId);
    if (!fresh || fresh.seq !== after.state.seq) return after;
    const refreshed = { doc: fresh, state: after.state };
    this.remember(refreshed);
    return refreshed;
  }

  /** Forgets the in-memory copy (after a change outside the event log: assignee, links, handovers). */
  forget(caseId: string): void {
    this.recent.delete(caseId);
  }

  /** Cases whose document is behind their events (a crash between commit and update): rolled forward. */
  async recover(): Promise<number> {
    const last = await this.events.lastSeqs();
    const stored = new Map((await this.cases.allIdsAndSeqs()).map((c) => [c._id, c.seq]));
    let n = 0;
    for (const [caseId, seq] of last) {
      if ((stored.get(caseId) ?? -1) < seq) {
        await this.load(caseId);
        n++;
      }
    }
    return n;
  }

  private remember(loaded: LoadedCase): void {
    if (this.recent.size >= 5_000) this.recent.clear();
    this.recent.set(loaded.state.id, loaded);
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
      ...caseFields(opened.case),
    };
    await this.cases.insert(doc);
    const stored = await this.cases.find(first.caseId);
    return { doc: stored ?? doc, state: stored ? (JSON.parse(stored.state) as CaseState) : opened.case };
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
    if (!r.ok) {
      throw new Error(
        `case ${state.id}: event ${event.seq} no longer applies: ${r.reasons.map((x) => x.message).join('; ')}`,
      );
    }
    if (r.event.hash !== event.hash)
      throw new Error(`case ${state.id}: re-applying event ${event.seq} gives another hash`);
    return r.case;
  }
}
