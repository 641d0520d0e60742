import { describe, expect, it, jest } from '@jest/globals';
import { TickBatcher } from './tick-batcher.js';

describe('TickBatcher', () => {
  it('answers the calls of one turn with one load, each with its own result', async () => {
    const load = jest.fn(async (keys: number[]) => keys.map((k) => k * 10));
    const batcher = new TickBatcher(load);
    await expect(Promise.all([batcher.get(1), batcher.get(2), batcher.get(3)])).resolves.toEqual([
      10, 20, 30,
    ]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith([1, 2, 3]);
  });

  it('starts a new batch for calls made after the first one was sent', async () => {
    const load = jest.fn(async (keys: string[]) => keys);
    const batcher = new TickBatcher(load);
    await batcher.get('a');
    await batcher.get('b');
    expect(load.mock.calls).toEqual([[['a']], [['b']]]);
  });

  it('rejects only the keys answered with an error', async () => {
    const batcher = new TickBatcher(async (keys: number[]) =>
      keys.map((k) => (k < 0 ? new Error(`bad ${k}`) : k)),
    );
    const [good, bad] = await Promise.allSettled([batcher.get(1), batcher.get(-1)]);
    expect(good).toEqual({ status: 'fulfilled', value: 1 });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('bad -1') });
  });

  it('rejects the whole batch when the load fails', async () => {
    const batcher = new TickBatcher(async (): Promise<number[]> => {
      throw new Error('database down');
    });
    const results = await Promise.allSettled([batcher.get(1), batcher.get(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('TickBatcher with a queue', () => {
  it('holds calls while maxInFlight loads run, then sends them together', async () => {
    const releases: Array<() => void> = [];
    const load = jest.fn(
      (keys: number[]) =>
        new Promise<number[]>((resolve) => releases.push(() => resolve(keys.map((k) => -k)))),
    );
    const batcher = new TickBatcher(load, { maxInFlight: 1 });
    const first = batcher.get(1);
    await new Promise((resolve) => setImmediate(resolve));
    const queued = [batcher.get(2), batcher.get(3)];
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(load).toHaveBeenCalledTimes(1);
    expect(batcher.waiting).toBe(2);
    releases.shift()!();
    expect(await first).toBe(-1);
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()!();
    expect(await Promise.all(queued)).toEqual([-2, -3]);
    expect(load.mock.calls).toEqual([[[1]], [[2, 3]]]);
  });

  it('splits a queue longer than maxBatch into several loads', async () => {
    const load = jest.fn(async (keys: number[]) => keys);
    const batcher = new TickBatcher(load, { maxBatch: 2 });
    expect(await Promise.all([1, 2, 3, 4, 5].map((k) => batcher.get(k)))).toEqual([1, 2, 3, 4, 5]);
    expect(load.mock.calls.map(([keys]) => keys)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
