import type { Services } from '../services/createServices.js';

/**
 * Runs the integrity sweep soon after start and then every interval, in the background: a
 * change made to a case in the database is noticed within that time, opened or not.
 */
export class IntegritySweeper {
  private first: NodeJS.Timeout | null = null;
  private handle: NodeJS.Timeout | null = null;

  constructor(
    private readonly services: Services,
    private readonly intervalMs: number,
    /** After start, before the first sweep: the server answers first. */
    private readonly firstAfterMs = 10_000,
  ) {}

  start(): void {
    this.first = setTimeout(() => void this.services.integrity.sweep(), this.firstAfterMs);
    this.first.unref();
    this.handle = setInterval(() => void this.services.integrity.sweep(), this.intervalMs);
    this.handle.unref();
  }

  /** Stops the timers and cuts a sweep under way short. */
  async stop(): Promise<void> {
    if (this.first) clearTimeout(this.first);
    if (this.handle) clearInterval(this.handle);
    this.first = this.handle = null;
    await this.services.integrity.stop();
  }
}
