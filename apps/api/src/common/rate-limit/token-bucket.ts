/**
 * A token bucket: `capacity` tokens, refilled continuously at `capacity` per `periodMs`.
 * Bursts up to the capacity pass; a steady rate above it is refused.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly periodMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Takes one token if there is one. */
  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** True when the bucket is full again, so a keyed store may forget it. */
  isFull(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  private refill(): void {
    const now = this.now();
    const elapsed = now - this.updatedAt;
    this.updatedAt = now;
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.capacity) / this.periodMs);
  }
}
