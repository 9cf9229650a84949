/**
 * Runs writes one after another per key (a document's id) in this process. FerretDB 1.x applies
 * an update by reading the whole document and writing it back, so two updates of one document
 * at once could each undo the other's fields; MongoDB needs no such care. FerretDB is run by
 * one server process (npm start, the tests), so a queue in that process is enough.
 */
export class OneAtATime {
  /** The last write queued for each key, which the next one waits for. */
  private readonly last = new Map<string, Promise<void>>();

  /**
   * Runs `write` once every write queued before it for any of `keys` has finished (whether it
   * succeeded or not). A write waits only for earlier ones, so none can wait for another forever.
   */
  run<T>(keys: readonly string[], write: () => Promise<T>): Promise<T> {
    const earlier = keys.flatMap((key) => this.last.get(key) ?? []);
    const result = Promise.allSettled(earlier).then(write);
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    for (const key of keys) this.last.set(key, done);
    void done.then(() => {
      for (const key of keys) if (this.last.get(key) === done) this.last.delete(key);
    });
    return result;
  }
}
