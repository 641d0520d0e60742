export interface TickBatcherOptions {
  /**
   * Loads running at once. While they are all busy, calls queue up and join the next batch
   * instead of starting loads of their own (a storm of handshakes waits in line; it does not
   * pile onto the database pool and time out there). Default: no limit.
   */
  maxInFlight?: number;
  /** Keys per load at most; the rest wait for the next one. Default: no limit. */
  maxBatch?: number;
}

/**
 * Gathers the calls made within one event-loop turn into one call of `load`, like DataLoader
 * without its cache: a hundred sends arriving together cost one query, a lone one waits for
 * nothing but the end of the current turn.
 */
export class TickBatcher<K, V> {
  private pending: Array<{ key: K; resolve(value: V): void; reject(error: unknown): void }> = [];
  private scheduled = false;
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxBatch: number;

  /** `load` answers each key, in order, with its value or the error to reject it with. */
  constructor(
    private readonly load: (keys: K[]) => Promise<Array<V | Error>>,
    options: TickBatcherOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? Infinity;
    this.maxBatch = options.maxBatch ?? Infinity;
  }

  get(key: K): Promise<V> {
    return new Promise((resolve, reject) => {
      this.pending.push({ key, resolve, reject });
      this.schedule();
    });
  }

  /** Calls waiting for a load (queued behind busy ones included). */
  get waiting(): number {
    return this.pending.length;
  }

  private schedule(): void {
    if (this.scheduled || this.pending.length === 0 || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.maxInFlight || this.pending.length === 0) return;
    const batch = this.pending.splice(0, this.maxBatch);
    this.inFlight++;
    this.schedule(); // more waiting and a free slot: the next batch goes out too
    try {
      const results = await this.load(batch.map((entry) => entry.key));
      batch.forEach((entry, index) => {
        const result = results[index];
        if (result instanceof Error) entry.reject(result);
        else entry.resolve(result as V);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
