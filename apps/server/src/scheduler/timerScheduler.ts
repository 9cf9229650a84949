import { dueTimers, fireTimer } from '@ruta/engine';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import type { DueTimerPosition } from '../db/repositories/caseRepository.js';
import type { Services } from '../services/createServices.js';

const SYSTEM = { id: 'system', role: 'system', country: 'REGIONAL' } as const;

/**
 * Fires delayed transitions that fell due, through the same commit path as a step: the unique
 * (caseId, seq) index means two schedulers, or one restarted, never fire a timer twice. Timers
 * that fell due while the server was down fire at the first tick after start.
 */
export class TimerScheduler {
  private handle: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly services: Services,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    /** Cases read at a time; a pass goes through every page. */
    private readonly pageSize = 200,
  ) {}

  /** Rolls forward cases a crash left behind, fires what is due now, then checks every interval. */
  async start(): Promise<void> {
    const { recovered, unrecoverable } = await this.services.caseStore.recover();
    if (recovered > 0) this.logger.warn(`recovered ${recovered} case(s) whose last step was cut short`);
    for (const caseId of unrecoverable) {
      this.logger.error(
        { caseId },
        'case not rolled forward: its stored events no longer re-apply (altered in the database?); check it with the audit chain',
      );
    }
    await this.tick();
    this.handle = setInterval(() => void this.tick(), this.intervalMs);
    this.handle.unref();
  }

  async stop(): Promise<void> {
    if (this.handle) clearInterval(this.handle);
    this.handle = null;
    if (this.running) await this.running;
  }

  /** One pass: every active case with a timer due by now. Overlapping passes are skipped. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    const pass = this.fireDue()
      .then(() => undefined)
      .catch((err: unknown) => this.logger.error({ err }, 'timer pass failed'))
      .finally(() => {
        this.running = null;
      });
    this.running = pass;
    return pass;
  }

  /** Fires every due timer; returns how many fired here. */
  async fireDue(): Promise<number> {
    const s = this.services;
    let fired = 0;
    const now = s.clock();
    // Every due case, a page at a time: a case whose timer cannot fire (refused, or the case
    // damaged) stays due, and must not keep the cases after it from their turn.
    let after: DueTimerPosition | undefined;
    for (;;) {
      const page = await s.repos.cases.withDueTimers(now, this.pageSize, after);
      for (const { id: caseId } of page) {
        try {
          fired += await this.fireCase(caseId);
        } catch (err) {
          this.logger.error({ err, caseId }, 'firing a timer failed');
        }
      }
      if (page.length < this.pageSize) break;
      after = page[page.length - 1];
    }
    await s.auth.purgeExpired().catch((err: unknown) => this.logger.error({ err }, 'session purge failed'));
    return fired;
  }

  private async fireCase(caseId: string): Promise<number> {
    const s = this.services;
    let fired = 0;
    let loaded = await s.caseStore.load(caseId);
    while (loaded) {
      const timer = dueTimers(loaded.state, s.clock())[0];
      if (!timer) break;
      const { compiled } = await s.protocolStore.get(loaded.state.protocol.id, loaded.state.protocol.version);
      const r = fireTimer(compiled, loaded.state, timer, { clock: s.clock, ids: s.ids });
      if (!r.ok) {
        this.logger.warn(
          { caseId, event: timer.event },
          `timer refused: ${r.reasons.map((x) => x.message).join('; ')}`,
        );
        break;
      }
      try {
        loaded = await s.caseStore.commit(loaded, r);
      } catch (e) {
        if (e instanceof AppError && e.kind === 'conflict') break; // another scheduler fired it first
        throw e;
      }
      fired++;
      await s.accessLog.record({ ...SYSTEM, country: loaded.state.country }, caseId, 'timer', {
        detail: timer.event,
      });
    }
    return fired;
  }
}
