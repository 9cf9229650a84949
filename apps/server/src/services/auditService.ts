import {
  documentDiffers,
  replay,
  verifyChain,
  type ChainProblem,
  type ChainReport,
  type ConformanceReport,
  type EventRecord,
} from '@ruta/engine';
import type { CaseRepository } from '../db/repositories/caseRepository.js';
import type { EventRepository } from '../db/repositories/eventRepository.js';
import type { IntegrityProblem } from '../db/schemas/integritySchema.js';
import { userError } from '../errors.js';
import type { AccessLog } from './accessLog.js';
import type { SessionUser } from './authService.js';
import type { CaseService } from './caseService.js';
import type { CaseStore } from './caseStore.js';
import { historyLookup } from './historyLookup.js';
import type { ProtocolStore } from './protocolStore.js';

/** A case's stored history, and its document's state (null when there is no document yet). */
interface Stored {
  history: EventRecord[];
  document: Readonly<Record<string, unknown>> | null;
  /** The document's country (null without a document). */
  country: string | null;
}

/**
 * What auditors ask of a case: is its history intact, did it follow its protocol, what if another
 * one. Each check also holds the case document against the history: the document is what the
 * case page, reveal and the next step read, so a change to it must show here too.
 */
export class AuditService {
  constructor(
    private readonly d: {
      caseService: CaseService;
      events: EventRepository;
      cases: CaseRepository;
      store: CaseStore;
      protocols: ProtocolStore;
      accessLog: AccessLog;
    },
  ) {}

  /**
   * Re-hashes the stored history: where the chain breaks, if it does, events missing at its end,
   * and where the case document differs from the state the history replays to.
   */
  async chain(user: SessionUser, caseId: string): Promise<ChainReport> {
    await this.d.caseService.checkVisible(user, caseId);
    const { history, document } = await this.stored(caseId);
    await this.d.accessLog.record(user, caseId, 'audit', { detail: 'chain' });
    const report = verifyChain(history, document ? { document } : {});
    if (!report.ok || !document) return report;
    const lookup = await historyLookup(this.d.protocols, history);
    return documentDiffers(report, replay(history, lookup, { document }).document ?? []);
  }

  /** Replays the history against the protocol versions it ran under, and holds the document against it. */
  async replay(user: SessionUser, caseId: string): Promise<ConformanceReport> {
    await this.d.caseService.checkVisible(user, caseId);
    const { history, document } = await this.stored(caseId);
    const lookup = await historyLookup(this.d.protocols, history);
    await this.d.accessLog.record(user, caseId, 'audit', { detail: 'replay' });
    return replay(history, lookup, document ? { document } : {});
  }

  /** Replays the history's commands against another published version or variant. */
  async whatIf(
    user: SessionUser,
    caseId: string,
    ref: { id: string; version: number },
  ): Promise<ConformanceReport> {
    await this.d.caseService.checkVisible(user, caseId);
    const against = await this.d.protocols.find(ref.id, ref.version);
    if (!against)
      throw userError(
        'unknown-protocol',
        `No published protocol ${ref.id}@${ref.version}; pick one from GET /api/protocols.`,
        [{ protocol: `${ref.id}@${ref.version}` }],
      );
    const { history, document } = await this.stored(caseId);
    const opened = history[0]?.protocol;
    const own = opened ? await this.d.protocols.find(opened.id, opened.version) : null;
    if (own && own.summary.root !== against.summary.root) {
      throw userError(
        'other-protocol-family',
        `${ref.id}@${ref.version} belongs to the protocol family "${against.summary.root}", and the case runs under "${own.summary.root}": compare it with a version or national variant of its own protocol.`,
        [{ protocol: `${ref.id}@${ref.version}`, family: own.summary.root, target: against.summary.root }],
      );
    }
    const lookup = await historyLookup(this.d.protocols, history);
    await this.d.accessLog.record(user, caseId, 'audit', { detail: `what-if ${ref.id}@${ref.version}` });
    return replay(history, lookup, { against: against.compiled, ...(document ? { document } : {}) });
  }

  /**
   * The integrity sweep's check of one case, for no user (nothing is logged as read): the chain
   * with the document's seq and head, then replay against the versions it ran under with the
   * document held against it. The problem says where and which parts, never a value; null when
   * the case is sound. Null too for a case with neither events nor document.
   */
  async examine(caseId: string): Promise<Examined | null> {
    const { history, document, country } = await this.stored(caseId);
    const first = history[0];
    const caseCountry = country ?? first?.country ?? first?.actor?.country;
    if (!caseCountry) return null;
    const protocol = protocolOf(document?.protocol) ?? protocolOf(first?.protocol);
    const chain = verifyChain(history, document ? { document } : {});
    if (!chain.ok && chain.problem)
      return { country: caseCountry, protocol, problem: chainProblem(chain.problem) };
    const report = replay(
      history,
      await historyLookup(this.d.protocols, history),
      document ? { document } : {},
    );
    if (report.ok) return { country: caseCountry, protocol, problem: null };
    const differences = report.document ?? [];
    if (report.firstDivergence === null && differences.length > 0) {
      return {
        country: caseCountry,
        protocol,
        problem: chainProblem({ code: 'document-differs', differences }),
      };
    }
    const row = report.events[report.firstDivergence ?? 0];
    return {
      country: caseCountry,
      protocol,
      problem: {
        code: 'not-conforming',
        seq: row?.seq ?? null,
        parts: [],
        forms: [],
        reasons: [...new Set((row?.reasons ?? []).map((r) => r.code))],
      },
    };
  }

  /**
   * The history and the document as stored, the document's pending write first written (it
   * follows its events behind the answer: unwritten, it would look behind, not changed).
   */
  private async stored(caseId: string): Promise<Stored> {
    await this.d.store.flush(caseId);
    const [stored, doc] = await Promise.all([
      this.d.events.historyAsStored(caseId),
      this.d.cases.find(caseId),
    ]);
    // An unreadable record stays in place (as a non-record) for the chain and replay to name it.
    const history = stored as EventRecord[];
    if (!doc) return { history, document: null, country: null };
    let state: unknown;
    try {
      state = JSON.parse(doc.cur.state);
    } catch {
      state = null;
    }
    // A state that is not even an object differs in every part; its seq and head are the document's.
    const document = isObject(state) ? state : { seq: doc.cur.seq, head: doc.cur.head };
    return { history, document, country: doc.country };
  }
}

/** What the integrity sweep learns of one case: whose it is, and what is wrong with it (null: nothing). */
export interface Examined {
  country: string;
  protocol: { id: string; version: number } | null;
  problem: IntegrityProblem | null;
}

/** A protocol reference as far as a stored value holds one. */
function protocolOf(v: unknown): { id: string; version: number } | null {
  if (!isObject(v)) return null;
  return typeof v.id === 'string' && typeof v.version === 'number' ? { id: v.id, version: v.version } : null;
}

/** A chain problem as the sweep keeps it: the event at fault and the parts and forms named, no value. */
function chainProblem(p: ChainProblem): IntegrityProblem {
  const differences = p.code === 'document-differs' ? p.differences : [];
  return {
    code: p.code,
    seq: 'seq' in p ? p.seq : 'from' in p ? p.from : null,
    parts: [...new Set(differences.map((d) => d.part))],
    forms: differences.flatMap((d) => (d.part === 'data' ? [d.form] : [])),
    reasons: [],
  };
}

function isObject(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
