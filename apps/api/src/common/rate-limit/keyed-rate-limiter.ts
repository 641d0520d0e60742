import { TokenBucket } from './token-bucket.js';

/**
 * One token bucket per key (an IP address, say). Full buckets are forgotten on a sweep, so
 * memory stays bounded by the callers active within one period.
 */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly capacity: number,
    private readonly periodMs: number,
  ) {
    this.sweeper = setInterval(() => this.sweep(), periodMs);
    this.sweeper.unref();
  }

  tryTake(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.capacity, this.periodMs);
      this.buckets.set(key, bucket);
    }
    return bucket.tryTake();
  }

  dispose(): void {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
  }
}
