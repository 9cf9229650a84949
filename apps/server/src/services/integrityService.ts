import type { Logger } from 'pino';
import type { CaseRepository } from '../db/repositories/caseRepository.js';
import type { EventRepository } from '../db/repositories/eventRepository.js';
import type { HandoverRepository } from '../db/repositories/handoverRepository.js';
import type { IntegrityRepository } from '../db/repositories/integrityRepository.js';
import type {
  IntegrityProblem,
  PacketFindingDoc,
  PacketProblemDoc,
  SweepCount,
} from '../db/schemas/integritySchema.js';
import type { AppDeps } from '../deps.js';
import type { AuditService, Examined } from './auditService.js';
import type { SessionUser } from './authService.js';
import { visibleCountries } from './caseAccess.js';
import { checkHandoverPacket } from './checkHandoverPacket.js';
import type { ProtocolStore } from './protocolStore.js';

/** Damaged cases, and damaged handover packets, listed at most (the totals are given too). */
const LISTED = 200;

export interface IntegrityView {
  /** The last sweep, counted over the countries the user sees; null before the first one. */
  sweep: {
    startedAt: string;
    /** Null while it runs, or when it was cut short (the server stopped). */
    finishedAt: string | null;
    running: boolean;
    cases: number;
    damaged: number;
    /** Handover packets checked, from or to the countries the user sees. */
    handovers: number;
    damagedHandovers: number;
    /**
     * Of the handovers checked, those stored before the sending case's seq was recorded with
     * them: checked against their hash (and receipt), not against the case's history.
     */
    unsealedHandovers: number;
  } | null;
  /** Damaged cases the user sees, in all. */
  total: number;
  /** The newest of them: where each breaks, never a value from it. */
  cases: {
    caseId: string;
    country: string;
    protocol: { id: string; version: number } | null;
    foundAt: string;
    checkedAt: string;
    problem: IntegrityProblem;
  }[];
  /** Handovers from or to the user's countries whose stored packet is damaged, in all. */
  handoverTotal: number;
  /** The newest of them: which handover, which cases, what is wrong (never a value). */
  handovers: (Omit<PacketFindingDoc, '_id' | 'countries'> & { handoverId: string })[];
}

/**
 * Checks every stored case, without anyone asking, the way an auditor's chain and replay check
 * one: the hash chain, the replay against the protocol versions it ran under, and the case
 * document against the replayed state. A change made in the database (an event altered or
 * deleted, a document edited) is thus noticed even in a case nobody opens; auditors see the
 * damaged cases of their country under Integridad, and the log names each one. Every handover's
 * packet is checked too, against its SHA-256, against what the receiving case recorded from it,
 * and against the packet the sending case's sealed history rebuilds at the event it was built
 * from; a damaged one is listed to the auditors of both countries.
 */
export class IntegrityService {
  private running: Promise<void> | null = null;
  /** When the sweep under way started (null when none runs). */
  private startedAt: string | null = null;
  private stopping = false;

  constructor(
    private readonly d: {
      audit: AuditService;
      cases: CaseRepository;
      events: EventRepository;
      handovers: HandoverRepository;
      protocols: ProtocolStore;
      integrity: IntegrityRepository;
      clock: AppDeps['clock'];
      logger: Logger;
    },
  ) {}

  /** Starts a sweep over every case unless one runs in this process; resolves when it ends. */
  sweep(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.running) return this.running;
    this.startedAt = this.d.clock();
    this.running = this.run(this.startedAt)
      .catch((err: unknown) => this.d.logger.error({ err }, 'integrity sweep failed'))
      .finally(() => {
        this.running = null;
        this.startedAt = null;
      });
    return this.running;
  }

  /** Resolves when no sweep runs (at once when none does). */
  async idle(): Promise<void> {
    if (this.running) await this.running;
  }

  /** Cuts a sweep under way short (the server is stopping) and waits for it; none starts after. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.running) await this.running;
  }

  /** What the last sweep found, in the countries the user sees. */
  async view(user: SessionUser): Promise<IntegrityView> {
    const countries = visibleCountries(user);
    const [last, total, found, handoverTotal, packets] = await Promise.all([
      this.d.integrity.lastSweep(),
      this.d.integrity.count(countries),
      this.d.integrity.list(countries, LISTED),
      this.d.integrity.countPackets(countries),
      this.d.integrity.listPackets(countries, LISTED),
    ]);
    const sees = (country: string) => countries === null || countries.includes(country);
    let sweep: IntegrityView['sweep'] = null;
    if (this.startedAt !== null) {
      sweep = {
        startedAt: this.startedAt,
        finishedAt: null,
        running: true,
        cases: 0,
        damaged: 0,
        handovers: 0,
        damagedHandovers: 0,
        unsealedHandovers: 0,
      };
    } else if (last) {
      const counted = Object.entries(last.countries ?? {}).filter(([country]) => sees(country));
      // A pair counts once for whoever sees either of its countries.
      const pairs = Object.entries(last.handovers ?? {}).filter(([pair]) => pair.split('>').some(sees));
      sweep = {
        startedAt: last.startedAt,
        finishedAt: last.finishedAt,
        running: false,
        cases: counted.reduce((n, [, c]) => n + c.cases, 0),
        damaged: counted.reduce((n, [, c]) => n + c.damaged, 0),
        handovers: pairs.reduce((n, [, c]) => n + c.cases, 0),
        damagedHandovers: pairs.reduce((n, [, c]) => n + c.damaged, 0),
        unsealedHandovers: pairs.reduce((n, [, c]) => n + (c.unsealed ?? 0), 0),
      };
    }
    return {
      sweep,
      total,
      cases: found.map((f) => ({
        caseId: f._id,
        country: f.country,
        protocol: f.protocol ?? null,
        foundAt: f.foundAt,
        checkedAt: f.checkedAt,
        problem: f.problem,
      })),
      handoverTotal,
      handovers: packets.map(({ _id, countries: _both, problem, ...f }) => ({
        handoverId: _id,
        ...f,
        // Findings kept from before the seq was recorded have none.
        problem: { code: problem.code, fields: problem.fields, seq: problem.seq ?? null },
      })),
    };
  }

  private async run(startedAt: string): Promise<void> {
    const { clock, logger, integrity } = this.d;
    await integrity.saveSweep({ startedAt, finishedAt: null, countries: {}, handovers: {} });
    const [docs, histories, flagged] = await Promise.all([
      this.d.cases.allIdsAndSeqs(),
      this.d.events.lastSeqs(),
      integrity.flagged(),
    ]);
    // A case with events but no document (a crash before its first write) is checked too.
    const ids = [...new Set([...docs.map((c) => c._id), ...histories.keys()])].sort();
    const countries: Record<string, SweepCount> = {};
    for (const caseId of ids) {
      // Left unfinished (finishedAt null): the view says the sweep was cut short.
      if (this.stopping) return;
      let result: Examined | null;
      try {
        result = await this.d.audit.examine(caseId);
      } catch (err) {
        logger.error({ err, caseId }, 'integrity sweep could not check a case');
        continue;
      }
      if (!result) continue;
      const count = (countries[result.country] ??= { cases: 0, damaged: 0 });
      count.cases++;
      if (result.problem) {
        count.damaged++;
        await integrity.found(
          caseId,
          { country: result.country, protocol: result.protocol },
          result.problem,
          clock(),
        );
        logger.warn(
          { caseId, problem: result.problem.code, seq: result.problem.seq },
          'integrity sweep: case does not stand on its history (altered in the database?)',
        );
      } else if (flagged.has(caseId)) {
        await integrity.sound(caseId);
      }
    }
    const handovers = await this.sweepPackets();
    if (!handovers) return;
    await integrity.saveSweep({ startedAt, finishedAt: clock(), countries, handovers });
    const damaged = Object.values(countries).reduce((n, c) => n + c.damaged, 0);
    const packets = Object.values(handovers);
    const unsealed = packets.reduce((n, c) => n + (c.unsealed ?? 0), 0);
    logger.info(
      `integrity sweep: ${ids.length} case(s) checked, ${damaged} damaged; ` +
        `${packets.reduce((n, c) => n + c.cases, 0)} handover packet(s) checked, ` +
        `${packets.reduce((n, c) => n + c.damaged, 0)} damaged` +
        (unsealed > 0
          ? `; ${unsealed} stored before the sending case's seq was recorded with them, not checked against its history`
          : ''),
    );
  }

  /**
   * Checks every handover's packet (checkHandoverPacket), counted per pair of countries; null
   * when the server stopped half-way (the sweep is then left unfinished).
   */
  private async sweepPackets(): Promise<Record<string, SweepCount> | null> {
    const { clock, logger, integrity } = this.d;
    const flagged = await integrity.packetsFlagged();
    const pairs: Record<string, SweepCount> = {};
    const seen = new Set<string>();
    for await (const doc of this.d.handovers.all()) {
      if (this.stopping) return null;
      seen.add(doc._id);
      let problem: PacketProblemDoc | null;
      try {
        problem = await checkHandoverPacket(doc, this.d);
      } catch (err) {
        logger.error({ err, handoverId: doc._id }, 'integrity sweep could not check a handover packet');
        continue;
      }
      const count = (pairs[`${doc.fromCountry}>${doc.toCountry}`] ??= { cases: 0, damaged: 0 });
      count.cases++;
      // Stored before the seq was recorded: said apart, not a damage (see packetAgainstHistory).
      if (typeof doc.caseSeq !== 'number') count.unsealed = (count.unsealed ?? 0) + 1;
      if (problem) {
        count.damaged++;
        const { _id, caseId, fromCountry, toCountry, status, linkedCaseId } = doc;
        await integrity.packetFound(
          { _id, caseId, fromCountry, toCountry, status, linkedCaseId },
          problem,
          clock(),
        );
        logger.warn(
          {
            handoverId: _id,
            caseId,
            linkedCaseId,
            problem: problem.code,
            fields: problem.fields,
            ...(problem.seq == null ? {} : { seq: problem.seq }),
          },
          'integrity sweep: handover packet does not hold (altered in the database?)',
        );
      } else if (flagged.has(doc._id)) {
        await integrity.packetSound(doc._id);
      }
    }
    // A damaged handover deleted since is not forgotten: its finding says it is gone.
    for (const [handoverId, of] of flagged) {
      if (seen.has(handoverId)) continue;
      const count = (pairs[`${of.fromCountry}>${of.toCountry}`] ??= { cases: 0, damaged: 0 });
      count.damaged++;
      await integrity.packetMissing(handoverId, clock());
      logger.warn(
        { handoverId, caseId: of.caseId, problem: 'missing' },
        'integrity sweep: handover packet does not hold (altered in the database?)',
      );
    }
    return pairs;
  }
}
