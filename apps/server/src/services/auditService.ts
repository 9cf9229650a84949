import {
  replay,
  verifyChain,
  type ChainReport,
  type CompiledProtocol,
  type ConformanceReport,
} from '@ruta/engine';
import type { EventRepository } from '../db/repositories/eventRepository.js';
import { userError } from '../errors.js';
import type { AccessLog } from './accessLog.js';
import type { SessionUser } from './authService.js';
import type { CaseService } from './caseService.js';
import type { ProtocolStore } from './protocolStore.js';

/** What auditors ask of a case: is its history intact, did it follow its protocol, what if another one. */
export class AuditService {
  constructor(
    private readonly d: {
      caseService: CaseService;
      events: EventRepository;
      protocols: ProtocolStore;
      accessLog: AccessLog;
    },
  ) {}

  /** Re-hashes the stored history: where the chain breaks, if it does. */
  async chain(user: SessionUser, caseId: string): Promise<ChainReport> {
    await this.d.caseService.checkVisible(user, caseId);
    const history = await this.d.events.history(caseId);
    await this.d.accessLog.record(user, caseId, 'audit', { detail: 'chain' });
    return verifyChain(history);
  }

  /** Replays the history against the protocol versions it ran under. */
  async replay(user: SessionUser, caseId: string): Promise<ConformanceReport> {
    await this.d.caseService.checkVisible(user, caseId);
    const history = await this.d.events.history(caseId);
    const versions = await this.versionsOf(history.map((e) => e.protocol));
    await this.d.accessLog.record(user, caseId, 'audit', { detail: 'replay' });
    return replay(history, (ref) => versions.get(`${ref.id}@${ref.version}`));
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
    const history = await this.d.events.history(caseId);
    const versions = await this.versionsOf(history.map((e) => e.protocol));
    await this.d.accessLog.record(user, caseId, 'audit', { detail: `what-if ${ref.id}@${ref.version}` });
    return replay(history, (r) => versions.get(`${r.id}@${r.version}`), { against: against.compiled });
  }

  /** The compiled versions a history names (unknown ones left out: replay reports them). */
  private async versionsOf(refs: { id: string; version: number }[]): Promise<Map<string, CompiledProtocol>> {
    const out = new Map<string, CompiledProtocol>();
    for (const ref of refs) {
      const key = `${ref.id}@${ref.version}`;
      if (out.has(key)) continue;
      const p = await this.d.protocols.find(ref.id, ref.version);
      if (p) out.set(key, p.compiled);
    }
    return out;
  }
}
