import { apiBackendCpu, backendCpuDelta } from '../fixtures.js';
import { Histogram } from '../histogram.js';
import { cpuSplit, writeSyscalls } from '../proc-stats.js';
import { collect, drain, round, totalCpu } from '../measure.js';
import type { Target } from '../target.js';
import { split, WorkerPool } from '../worker-pool.js';

export interface ReactionsResult {
  scenario: 'reactions';
  target: string;
  members: number;
  /** `send`: message:send; `react`: reaction:add / reaction:remove, alternating. */
  op: 'send' | 'react';
  /** Operations in flight at once (lanes of the one acting socket). */
  window: number;
  ops: number;
  acked: number;
  failed: number;
  /** Counter values the operations took (`conversations.last_seq` after − before). */
  changes: number;
  /** `message:new` (sends) or `message:updated` (reactions) frames the other members received. */
  delivered: number;
  lost: number;
  durationS: number;
  serverCpuS: number;
  serverCpuMsPerOp: number;
  /** The part of it spent in the kernel (system time). */
  serverKernelMsPerOp: number;
  /**
   * Write system calls of the API process per operation: about one per receiving socket when
   * each frame is written on its own, fewer when frames emitted together share a write.
   */
  writesPerOp: number;
  /** Bytes those calls wrote, per operation (KiB). */
  writtenKiBPerOp: number;
  /** CPU of the PostgreSQL backends serving the API, per operation. */
  dbCpuMsPerOp: number | null;
  ackP50Ms: number | null;
  ackP99Ms: number | null;
  errors: string[];
}

const kernelCpu = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuSplit(pid).system, 0);
const totalWrites = (pids: number[]) =>
  pids.reduce(
    (sum, pid) => {
      const { calls, bytes } = writeSyscalls(pid);
      return { calls: sum.calls + calls, bytes: sum.bytes + bytes };
    },
    { calls: 0, bytes: 0 },
  );

/** Recent messages the toggles go to; a multiple of every window used. */
const RECENT = 64;

/**
 * One room of `members` subscribed sockets (spread over the workers, as in fan-out), one of
 * them acting: `count` message sends, then `count` reaction toggles on the room's recent
 * messages (add and remove alternating, the next emoji each pair, so each toggle is a real
 * change), at each window, in the same run. Measures server CPU per operation (from /proc of the
 * API process, from the first operation until the last frame arrived), the CPU of its PostgreSQL
 * backends, and ack latency.
 */
export async function runReactions(
  target: Target,
  members: number,
  count: number,
  windows: number[],
  workers: number,
): Promise<ReactionsResult[]> {
  const db = target.db;
  if (!db) throw new Error('the reactions scenario needs the API');
  if (windows.some((w) => RECENT % w !== 0 || (count / w) % 2 !== 0))
    throw new Error(`each window must divide ${RECENT} and leave an even count per lane`);
  const users = await target.users(members);
  const roomId = await target.room(users.map((u) => u.id));
  const pool = WorkerPool.start(workers + 1);
  const results: ReactionsResult[] = [];
  try {
    // Worker 0 holds the acting socket only; the others only receive.
    const [actor, ...receivers] = users.map((u) => u.token);
    const tokensPerWorker = [[actor!], ...split(receivers, workers)];
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

    const lastSeq = async () =>
      Number(
        (
          await db.query<{ n: string }>(`SELECT last_seq AS n FROM conversations WHERE id = $1`, [
            roomId,
          ])
        )[0]!.n,
      );
    const phase = async (
      op: 'send' | 'react',
      window: number,
      messageIds: string[],
      ops = count,
    ) => {
      pool.tell({ type: 'reset' });
      const seqBefore = await lastSeq();
      const dbBefore = await apiBackendCpu(db);
      const cpuBefore = totalCpu(target.pids);
      const writesBefore = totalWrites(target.pids);
      const kernelBefore = kernelCpu(target.pids);
      const started = Date.now();
      const [done] = await pool.each(
        (i) =>
          i === 0
            ? { type: 'ops', op, conversationId: roomId, messageIds, count: ops, window }
            : // The receivers act on nothing; an empty run answers at once.
              { type: 'ops', op, conversationId: roomId, messageIds, count: 0, window: 1 },
        'opsDone',
      );
      const expected = done!.acked * (members - 1);
      await drain(pool, expected, 10_000, op === 'send' ? 'received' : 'updated');
      const elapsedS = (Date.now() - started) / 1000;
      const cpuS = totalCpu(target.pids) - cpuBefore;
      const writesAfter = totalWrites(target.pids);
      const kernelS = kernelCpu(target.pids) - kernelBefore;
      // Phase boundaries in wall-clock time, to cut a --cpu-prof profile of the server by phase.
      console.log(`    ${op} ×${ops} window ${window}: ${started}–${Date.now()} (epoch ms)`);
      const dbS = backendCpuDelta(dbBefore, await apiBackendCpu(db));
      const seqAfter = await lastSeq();
      const { received, updated } = await collect(pool);
      const delivered = op === 'send' ? received : updated;
      const latency = Histogram.fromSparse(done!.ackLatency);
      return {
        scenario: 'reactions' as const,
        target: target.kind,
        members,
        op,
        window,
        ops,
        acked: done!.acked,
        failed: done!.failed,
        changes: seqAfter - seqBefore,
        delivered,
        lost: Math.max(0, expected - delivered),
        durationS: round(elapsedS, 2)!,
        serverCpuS: round(cpuS, 2)!,
        serverCpuMsPerOp: round((cpuS * 1000) / Math.max(done!.acked, 1), 2)!,
        serverKernelMsPerOp: round((kernelS * 1000) / Math.max(done!.acked, 1), 2)!,
        writesPerOp: Math.round(
          (writesAfter.calls - writesBefore.calls) / Math.max(done!.acked, 1),
        ),
        writtenKiBPerOp: round(
          (writesAfter.bytes - writesBefore.bytes) / 1024 / Math.max(done!.acked, 1),
          0,
        )!,
        dbCpuMsPerOp: round((dbS * 1000) / Math.max(done!.acked, 1), 2),
        ackP50Ms: round(latency.percentile(0.5)),
        ackP99Ms: round(latency.percentile(0.99)),
        errors: done!.errors,
      };
    };

    // Warm-up (JIT, the API's pool, the sender's caches) and the messages to react to.
    await phase('send', 8, [], 2 * RECENT);
    const recent = (
      await db.query<{ id: string }>(
        `SELECT id FROM messages WHERE conversation_id = $1 ORDER BY seq DESC LIMIT ${RECENT}`,
        [roomId],
      )
    ).map((r) => String(r.id));
    if (recent.length < RECENT) throw new Error(`only ${recent.length} messages to react to`);
    await phase('react', 8, recent, 2 * RECENT);
    // Each window: sends, then reactions, back to back so both see the same machine.
    for (const window of windows) {
      results.push(await phase('send', window, recent));
      results.push(await phase('react', window, recent));
    }
  } finally {
    await pool.close();
  }
  return results;
}
