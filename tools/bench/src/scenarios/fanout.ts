import { Histogram } from '../histogram.js';
import { collect, drain, round, totalCpu } from '../measure.js';
import type { Target } from '../target.js';
import { split, WorkerPool } from '../worker-pool.js';

export interface FanoutResult {
  scenario: 'fanout';
  target: string;
  members: number;
  mode: string;
  durationS: number;
  sent: number;
  acked: number;
  delivered: number;
  lost: number;
  deliveriesPerS: number;
  deliveriesPerCpuS: number;
  serverCpuS: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

export interface FanoutMode {
  name: string;
  /** Target deliveries per second; null for flat out. */
  deliveriesPerS: number | null;
}

/**
 * One room of `members` authenticated sockets, one of them sending: paced at each mode's
 * delivery rate, or flat out. Measures deliveries, server CPU and send→receive latency.
 */
export async function runFanout(
  target: Target,
  members: number,
  modes: FanoutMode[],
  durationMs: number,
  workers: number,
): Promise<FanoutResult[]> {
  const users = await target.users(members);
  const roomId = await target.room(users.map((u) => u.id));
  // Worker 0 only sends, so receiving never delays its sends; the others only receive.
  const pool = WorkerPool.start(workers + 1);
  const results: FanoutResult[] = [];
  try {
    const [sender, ...receivers] = users.map((u) => u.token);
    const tokensPerWorker = [[sender!], ...split(receivers, workers)];
    // With two servers the receivers alternate between them; the sender uses the first.
    const connected = await pool.each(
      (i) => ({
        type: 'connect',
        url: target.urls[i === 0 ? 0 : i % target.urls.length]!,
        tokens: tokensPerWorker[i]!,
        conversationId: roomId,
        concurrency: 50,
      }),
      'connected',
    );
    const sockets = connected.reduce((sum, c) => sum + c.connected, 0);
    if (sockets !== members) throw new Error(`only ${sockets} of ${members} members connected`);

    for (const mode of modes) {
      pool.tell({ type: 'reset' });
      const cpuBefore = totalCpu(target.pids);
      const started = Date.now();
      const rate = mode.deliveriesPerS === null ? null : mode.deliveriesPerS / (members - 1);
      const sent = await pool.each(
        (i) => ({
          type: 'send',
          conversationIds: [roomId],
          ratePerSender: rate,
          durationMs,
          window: 32,
          senders: i === 0 ? 1 : 0,
        }),
        'sent',
      );
      const acked = sent.reduce((sum, s) => sum + s.acked, 0);
      const expected = acked * (members - 1);
      await drain(pool, expected);
      const elapsedS = (Date.now() - started) / 1000;
      const cpuS = totalCpu(target.pids) - cpuBefore;
      const { received, latency } = await collect(pool);
      results.push({
        scenario: 'fanout',
        target: target.kind,
        members,
        mode: mode.name,
        durationS: round(elapsedS, 2)!,
        sent: sent.reduce((sum, s) => sum + s.sent, 0),
        acked,
        delivered: received,
        lost: Math.max(0, expected - received),
        deliveriesPerS: Math.round(received / elapsedS),
        deliveriesPerCpuS: Math.round(received / Math.max(cpuS, 0.01)),
        serverCpuS: round(cpuS, 2)!,
        ...percentiles(latency),
      });
    }
  } finally {
    await pool.close();
  }
  return results;
}

export function percentiles(latency: Histogram) {
  return {
    p50Ms: round(latency.percentile(0.5)),
    p95Ms: round(latency.percentile(0.95)),
    p99Ms: round(latency.percentile(0.99)),
  };
}
