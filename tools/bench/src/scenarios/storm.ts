import { setTimeout as sleep } from 'node:timers/promises';
import { round } from '../measure.js';
import { cpuSeconds, rssBytes } from '../proc-stats.js';
import type { Target } from '../target.js';
import { split, WorkerPool } from '../worker-pool.js';

export interface StormResult {
  scenario: 'storm';
  target: string;
  processes: number;
  users: number;
  connected: number;
  /** From the first connect to the last socket connected and its watch answered. */
  wallS: number;
  serverCpuS: number;
  framesPerSocketMean: number;
  framesPerSocketMax: number;
  refused: number;
  refusedBy: Record<string, number>;
  failed: number;
  maxLoopDelayMs: number | null;
  rssPerConnectionKiB: number;
}

/** Each socket shows this many others (a directory page). */
const WATCHED = 50;
const DEADLINE_MS = 600_000;

/**
 * A reconnect storm: `count` distinct users, one socket each, all at once (spread over the
 * target's processes), each retrying a refused handshake after 1–3 s and then watching 50
 * others. Measured: wall time until all are in, server CPU, frames per socket (everything the
 * server sent each one), refusals, the longest event-loop stall, RSS per connection.
 */
export async function runStorm(
  target: Target,
  count: number,
  workers: number,
): Promise<StormResult> {
  const users = await target.users(count);
  const watches = users.map((_, i) =>
    Array.from({ length: WATCHED }, (_, k) => users[(i + k + 1) % users.length]!.id),
  );
  if (typeof global.gc === 'function') global.gc();
  await sleep(1000);
  const rssBefore = target.pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
  const cpuBefore = target.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  target.servers.forEach((server) => server.resetLoopDelay());
  await sleep(300);
  // The clients yield the CPU to every server alike (bare included): see WorkerPool.start.
  const pool = WorkerPool.start(workers, { niceness: 19 });
  try {
    const indexes = split(
      users.map((_, i) => i),
      workers,
    );
    const started = Date.now();
    const stormed = await pool.each(
      (w) => ({
        type: 'storm',
        urls: target.urls,
        tokens: indexes[w]!.map((i) => users[i]!.token),
        watches: indexes[w]!.map((i) => watches[i]!),
        readyEvent: target.kind === 'bare' ? 'connect' : 'session',
        deadlineMs: DEADLINE_MS,
      }),
      'stormed',
    );
    const wallS = (Math.max(...stormed.map((s) => s.lastReadyAt)) - started) / 1000;
    // The last arrivals reach their watchers in the next frames; then the servers are idle.
    await sleep(3000);
    const serverCpuS = target.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore;
    const loopDelays = target.servers.map((s) => s.loopDelayMs());
    const rssAfter = target.pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
    const frames = (await pool.each(() => ({ type: 'frames' }), 'frames')).flatMap(
      (f) => f.perSocket,
    );
    const refusedBy: Record<string, number> = {};
    for (const s of stormed) {
      for (const [code, n] of Object.entries(s.refused))
        refusedBy[code] = (refusedBy[code] ?? 0) + n;
    }
    const connected = stormed.reduce((sum, s) => sum + s.connected, 0);
    return {
      scenario: 'storm',
      target: target.kind,
      processes: target.pids.length,
      users: count,
      connected,
      wallS: round(wallS)!,
      serverCpuS: round(serverCpuS)!,
      framesPerSocketMean: round(frames.reduce((a, b) => a + b, 0) / Math.max(frames.length, 1))!,
      framesPerSocketMax: Math.max(0, ...frames),
      refused: Object.values(refusedBy).reduce((a, b) => a + b, 0),
      refusedBy,
      failed: stormed.reduce((sum, s) => sum + s.failed, 0),
      maxLoopDelayMs: loopDelays.every((d) => d === null)
        ? null
        : round(Math.max(...loopDelays.map((d) => d ?? 0)))!,
      rssPerConnectionKiB: round((rssAfter - rssBefore) / Math.max(connected, 1) / 1024)!,
    };
  } finally {
    await pool.close();
  }
}
