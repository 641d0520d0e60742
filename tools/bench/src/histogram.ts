/** Latencies in 0.1 ms buckets up to 10 s (the last bucket holds everything slower). */
const BUCKET_MS = 0.1;
const BUCKETS = 100_000;

export class Histogram {
  readonly counts: number[];

  constructor(counts?: number[]) {
    this.counts = counts ?? new Array<number>(BUCKETS).fill(0);
  }

  record(ms: number): void {
    const bucket = Math.min(BUCKETS - 1, Math.max(0, Math.floor(ms / BUCKET_MS)));
    this.counts[bucket]! += 1;
  }

  merge(other: Histogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!;
  }

  get total(): number {
    return this.counts.reduce((a, b) => a + b, 0);
  }

  /** The latency (ms) below which `p` (0–1) of the samples fall. */
  percentile(p: number): number | null {
    const total = this.total;
    if (total === 0) return null;
    const target = Math.ceil(total * p);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= target) return (i + 1) * BUCKET_MS;
    }
    return BUCKETS * BUCKET_MS;
  }

  /** Sparse form for IPC: [bucket, count] pairs. */
  toSparse(): Array<[number, number]> {
    const pairs: Array<[number, number]> = [];
    this.counts.forEach((count, bucket) => count > 0 && pairs.push([bucket, count]));
    return pairs;
  }

  static fromSparse(pairs: Array<[number, number]>): Histogram {
    const histogram = new Histogram();
    for (const [bucket, count] of pairs) histogram.counts[bucket] = count;
    return histogram;
  }
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export const wallClockMs = () => performance.timeOrigin + performance.now();
