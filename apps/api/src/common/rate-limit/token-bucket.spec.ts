import { describe, expect, it } from '@jest/globals';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('lets a burst up to the capacity through, then refuses', () => {
    const now = 0;
    const bucket = new TokenBucket(3, 10_000, () => now);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true]);
    expect(bucket.tryTake()).toBe(false);
  });

  it('refills continuously at capacity per period', () => {
    let now = 0;
    const bucket = new TokenBucket(20, 10_000, () => now);
    for (let i = 0; i < 20; i++) bucket.tryTake();
    now = 499; // 0.998 tokens
    expect(bucket.tryTake()).toBe(false);
    now = 1000; // two tokens in all
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
    now = 20_000;
    expect(bucket.isFull()).toBe(true);
  });
});
