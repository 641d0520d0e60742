/**
 * Gathers the calls made within one event-loop turn into one call of `load`, like DataLoader
 * without its cache: a hundred sends arriving together cost one query, a lone one waits for
 * nothing but the end of the current turn.
 */
export class TickBatcher<K, V> {
  private pending: Array<{ key: K; resolve(value: V): void; reject(error: unknown): void }> = [];

  /** `load` answers each key, in order, with its value or the error to reject it with. */
  constructor(private readonly load: (keys: K[]) => Promise<Array<V | Error>>) {}

  get(key: K): Promise<V> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ key, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const results = await this.load(batch.map((entry) => entry.key));
      batch.forEach((entry, index) => {
        const result = results[index];
        if (result instanceof Error) entry.reject(result);
        else entry.resolve(result as V);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
