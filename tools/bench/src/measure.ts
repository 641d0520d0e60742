import { setTimeout as sleep } from 'node:timers/promises';
import { Histogram } from './histogram.js';
import { cpuSeconds } from './proc-stats.js';
import type { WorkerPool } from './worker-pool.js';

export const totalCpu = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);

/** Delivered counts (`message:new`, `message:updated`) and latency merged from every worker. */
export async function collect(
  pool: WorkerPool,
): Promise<{ received: number; updated: number; latency: Histogram }> {
  const reports = await pool.each(() => ({ type: 'report' }), 'report');
  const latency = new Histogram();
  for (const report of reports) latency.merge(Histogram.fromSparse(report.latency));
  return {
    received: reports.reduce((sum, r) => sum + r.received, 0),
    updated: reports.reduce((sum, r) => sum + r.updated, 0),
    latency,
  };
}

/**
 * Waits until deliveries stop arriving (or `expected` is reached), at most `maxMs`; `of` picks
 * which frames count (`message:new` by default).
 */
export async function drain(
  pool: WorkerPool,
  expected: number,
  maxMs = 5000,
  of: 'received' | 'updated' = 'received',
) {
  const deadline = Date.now() + maxMs;
  let last = -1;
  for (;;) {
    const count = (await collect(pool))[of];
    if (count >= expected || count === last || Date.now() > deadline) return;
    last = count;
    await sleep(250);
  }
}

export const round = (value: number | null, digits = 1) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
