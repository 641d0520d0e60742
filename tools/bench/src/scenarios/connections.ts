import { setTimeout as sleep } from 'node:timers/promises';
import { round } from '../measure.js';
import { rssBytes } from '../proc-stats.js';
import type { Target } from '../target.js';
import { split, WorkerPool } from '../worker-pool.js';

export interface ConnectionsResult {
  scenario: 'connections';
  target: string;
  sockets: number;
  failed: number;
  connectsPerS: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  rssPerConnectionKiB: number;
}

/** Sockets per user: the contract broadcasts each user's first connection to every socket. */
export const SOCKETS_PER_USER = 10;

/**
 * `count` idle authenticated sockets: server memory per connection and the connect rate.
 * Each user connects SOCKETS_PER_USER times: with every socket a distinct user, the presence
 * broadcast the contract asks for makes a connect storm quadratic (see docs/scaling.md).
 */
export async function runConnections(
  target: Target,
  count: number,
  workers: number,
): Promise<ConnectionsResult> {
  const distinct = await target.users(Math.ceil(count / SOCKETS_PER_USER));
  const users = Array.from({ length: count }, (_, i) => distinct[i % distinct.length]!);
  const pid = target.pids[0]!;
  if (typeof global.gc === 'function') global.gc();
  await sleep(1000); // let start-up garbage settle
  const rssBefore = rssBytes(pid);
  const pool = WorkerPool.start(workers);
  try {
    const tokens = split(
      users.map((u) => u.token),
      workers,
    );
    const started = Date.now();
    const connected = await pool.each(
      (i) => ({
        type: 'connect',
        url: target.urls[0]!,
        tokens: tokens[i]!,
        conversationId: null,
        concurrency: 100,
      }),
      'connected',
    );
    const elapsedS = (Date.now() - started) / 1000;
    await sleep(2000); // idle: let buffers settle
    const rssAfter = rssBytes(pid);
    const sockets = connected.reduce((sum, c) => sum + c.connected, 0);
    return {
      scenario: 'connections',
      target: target.kind,
      sockets,
      failed: connected.reduce((sum, c) => sum + c.failed, 0),
      connectsPerS: Math.round(sockets / elapsedS),
      rssBeforeMiB: round(rssBefore / 2 ** 20)!,
      rssAfterMiB: round(rssAfter / 2 ** 20)!,
      rssPerConnectionKiB: round((rssAfter - rssBefore) / Math.max(sockets, 1) / 1024)!,
    };
  } finally {
    await pool.close();
  }
}
