import { Histogram } from '../histogram.js';
import { round, totalCpu } from '../measure.js';
import type { Target } from '../target.js';
import { split, WorkerPool } from '../worker-pool.js';

export interface WritePathResult {
  scenario: 'write-path';
  target: string;
  rooms: number;
  senders: number;
  durationS: number;
  acked: number;
  failed: number;
  ackedPerS: number;
  persisted: number | null;
  serverCpuS: number;
  p50Ms: number | null;
  p99Ms: number | null;
  errors: string[];
}

/** `rooms` rooms with two members each, every member sending flat out. */
export async function runWritePath(
  target: Target,
  rooms: number,
  durationMs: number,
  workers: number,
): Promise<WritePathResult> {
  const users = await target.users(rooms * 2);
  const roomIds: string[] = [];
  for (let r = 0; r < rooms; r++)
    roomIds.push(await target.room([users[2 * r]!.id, users[2 * r + 1]!.id]));
  const pool = WorkerPool.start(workers);
  try {
    // Socket k belongs to room floor(k / 2); each worker connects its own sockets room by room.
    const indexes = split(
      users.map((_, k) => k),
      workers,
    );
    const perWorkerRooms = indexes.map((ks) => ks.map((k) => roomIds[Math.floor(k / 2)]!));
    // Join per socket: connect without a room, then each sender sends to its own room.
    await pool.each(
      (i) => ({
        type: 'connect',
        url: target.urls[0]!,
        tokens: indexes[i]!.map((k) => users[k]!.token),
        conversationId: null,
        concurrency: 50,
      }),
      'connected',
    );
    const cpuBefore = totalCpu(target.pids);
    const started = Date.now();
    const sent = await pool.each(
      (i) => ({
        type: 'send',
        conversationIds: perWorkerRooms[i]!,
        ratePerSender: null,
        durationMs,
        window: 4,
        senders: indexes[i]!.length,
      }),
      'sent',
    );
    const elapsedS = (Date.now() - started) / 1000;
    const cpuS = totalCpu(target.pids) - cpuBefore;
    const latency = new Histogram();
    for (const s of sent) latency.merge(Histogram.fromSparse(s.ackLatency));
    const acked = sent.reduce((sum, s) => sum + s.acked, 0);
    const persisted = target.db
      ? Number(
          (
            await target.db.query<{ n: string }>(
              `SELECT count(*) AS n FROM messages WHERE body LIKE 'bench %'`,
            )
          )[0]!.n,
        )
      : null;
    return {
      scenario: 'write-path',
      target: target.kind,
      rooms,
      senders: users.length,
      durationS: round(elapsedS, 2)!,
      acked,
      failed: sent.reduce((sum, s) => sum + s.failed, 0),
      ackedPerS: Math.round(acked / elapsedS),
      persisted,
      serverCpuS: round(cpuS, 2)!,
      p50Ms: round(latency.percentile(0.5)),
      p99Ms: round(latency.percentile(0.99)),
      errors: [...new Set(sent.flatMap((s) => s.errors))],
    };
  } finally {
    await pool.close();
  }
}
