interface Queued<T, R> {
  item: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: items submitted in the same turn of the event loop (and while a batch is being
 * written) go to the database together, in one command; each caller waits for the batch that
 * holds its item and gets its own result. Under load, 64 concurrent writers cost a handful of
 * round trips instead of 64; alone, an item is written at once.
 */
export class BatchWriter<T, R> {
  private queue: Queued<T, R>[] = [];
  private running: Promise<void> | null = null;

  /** `writeBatch` writes the items and returns one result per item, in order. */
  constructor(
    private readonly writeBatch: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 500,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) this.running = this.loop();
    });
  }

  /** Waits for everything submitted so far to be written. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    await new Promise<void>((r) => setImmediate(r));
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.writeBatch(batch.map((q) => q.item));
          batch.forEach((q, i) => q.resolve(results[i]!));
        } catch (e) {
          for (const q of batch) q.reject(e);
        }
      }
    } finally {
      this.running = null;
    }
  }
}
