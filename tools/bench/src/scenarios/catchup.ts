import { io, type Socket } from 'socket.io-client';
import { Histogram, wallClockMs } from '../histogram.js';
import { round, totalCpu } from '../measure.js';
import type { Target } from '../target.js';

export interface CatchupResult {
  scenario: 'catchup';
  target: string;
  /** Messages seeded in the conversation (general). */
  messages: number;
  /** Changes after the client's point N (older messages edited or reacted to). */
  changesAfterN: number;
  seedS: number;
  request: string;
  requests: number;
  /** Messages in each answer. */
  items: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  serverCpuMsPerRequest: number;
}

interface Kind {
  request: string;
  /** Readies one request (unmeasured); the request resolves to the messages in its answer. */
  prepare(): Promise<() => Promise<number>>;
}

/**
 * General with `total` messages seeded directly in PostgreSQL (seq = rev = 1..total), then
 * `changed` older messages changed after point N = total (three in four edited, one in four
 * reacted to, each taking the next counter value, as the API does). Measures, from one client
 * on 127.0.0.1, `GET …/changes?after=N` (all `changed` items), `conversation:join {afterSeq: N}`,
 * and their peers in the same run: the newest history page (`GET …/messages?limit=50`) and a
 * join with nothing missed. Requests run one at a time in rounds, each kind in turn, so every
 * kind sees the same machine; server CPU is per kind, from /proc of the API process.
 */
export async function runCatchup(
  target: Target,
  total: number,
  changed: number,
  requests: number,
): Promise<CatchupResult[]> {
  const db = target.db;
  if (!db) throw new Error('the catch-up scenario needs the API');
  const [general] = await db.query<{ id: string }>(
    `SELECT id FROM conversations WHERE kind = 'general'`,
  );
  const conversationId = general!.id;
  const users = await target.users(10);
  const seedStarted = Date.now();
  await seed(
    target,
    conversationId,
    users.map((u) => u.id),
    total,
    changed,
  );
  const seedS = (Date.now() - seedStarted) / 1000;
  const after = total;
  const base = `${target.urls[0]!}/api/conversations/${conversationId}`;

  const getPage = async (path: string) => {
    const response = await fetch(base + path);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    const page = (await response.json()) as { items: Array<{ rev: number }>; hasMore: boolean };
    return page;
  };
  // The answer is what the contract says: every change after N, ascending by rev, no more.
  const check = await getPage(`/changes?after=${after}&limit=200`);
  if (
    check.items.length !== Math.min(changed, 200) ||
    check.items[0]?.rev !== after + 1 ||
    check.hasMore !== changed > 200
  )
    throw new Error(`changes answered ${check.items.length} items from rev ${check.items[0]?.rev}`);

  const socket: Socket = io(target.urls[0]!, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { token: users[0]!.token },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const rest = (path: string) => async () => async () => (await getPage(path)).items.length;
  // Leaves first (not measured), so every join is a real one.
  const join = (afterSeq: number) => async () => {
    await socket.timeout(30_000).emitWithAck('conversation:leave', { conversationId });
    return async () => {
      const ack = await socket
        .timeout(30_000)
        .emitWithAck('conversation:join', { conversationId, afterSeq });
      if (!ack.ok) throw new Error(`join: ${JSON.stringify(ack.error)}`);
      return (ack.data.missed as unknown[]).length;
    };
  };
  const kinds: Kind[] = [
    {
      request: 'GET changes?after=N&limit=200',
      prepare: rest(`/changes?after=${after}&limit=200`),
    },
    {
      request: 'GET messages?limit=50 (newest page; the peer)',
      prepare: rest('/messages?limit=50'),
    },
    { request: 'conversation:join {afterSeq: N}', prepare: join(after) },
    { request: 'conversation:join, nothing missed (the peer)', prepare: join(after + changed) },
  ];

  const stats = kinds.map(() => ({ latency: new Histogram(), cpuS: 0, items: 0, max: 0 }));
  const rounds = 4;
  const perRound = Math.ceil(requests / rounds);
  try {
    // Warm-up: JIT, the API's pool, PostgreSQL's buffers.
    for (const kind of kinds) for (let i = 0; i < 20; i++) await (await kind.prepare())();
    for (let r = 0; r < rounds; r++) {
      for (const [k, kind] of kinds.entries()) {
        const stat = stats[k]!;
        for (let i = 0; i < perRound; i++) {
          const one = await kind.prepare();
          const cpuBefore = totalCpu(target.pids);
          const at = wallClockMs();
          stat.items = await one();
          const ms = wallClockMs() - at;
          stat.cpuS += totalCpu(target.pids) - cpuBefore;
          stat.latency.record(ms);
          stat.max = Math.max(stat.max, ms);
        }
      }
    }
  } finally {
    socket.disconnect();
  }
  await explain(target, conversationId, after);
  return kinds.map((kind, k) => {
    const stat = stats[k]!;
    const count = stat.latency.total;
    return {
      scenario: 'catchup' as const,
      target: target.kind,
      messages: total,
      changesAfterN: changed,
      seedS: round(seedS, 1)!,
      request: kind.request,
      requests: count,
      items: stat.items,
      p50Ms: round(stat.latency.percentile(0.5)),
      p99Ms: round(stat.latency.percentile(0.99)),
      maxMs: round(stat.max),
      serverCpuMsPerRequest: round((stat.cpuS * 1000) / count, 2)!,
    };
  });
}

/**
 * `total` messages from ten senders with seq = rev = 1..total, then `changed` of them, spread
 * over the history, changed after N = total: each takes the next counter value as its rev;
 * three in four are edits (`edited_at`, a new body), one in four got a reaction from three people.
 */
async function seed(
  target: Target,
  conversationId: string,
  senderIds: string[],
  total: number,
  changed: number,
): Promise<void> {
  const db = target.db!;
  await db.query(
    `INSERT INTO messages (conversation_id, seq, rev, sender_id, sender_kind, sender_name, body,
                           client_msg_id, created_at)
     SELECT $1, i, i, ($3::uuid[])[1 + i % 10], 'user', 'Bench ' || (1 + i % 10),
            'Seeded message ' || i || ', about as long as an ordinary line of chat is',
            gen_random_uuid(), now() - make_interval(secs => ($2::int - i) * 0.6)
     FROM generate_series(1, $2::int) AS i`,
    [conversationId, total, senderIds],
  );
  const step = Math.floor(total / changed);
  await db.query(
    `WITH picked AS (
       SELECT id, row_number() OVER (ORDER BY seq) AS k FROM messages
       WHERE conversation_id = $1 AND seq = ANY (
         SELECT s * $3::int FROM generate_series(1, $4::int) AS s)
     )
     UPDATE messages m SET rev = $2::bigint + picked.k,
       edited_at = CASE WHEN picked.k % 4 = 0 THEN NULL ELSE now() END,
       body = CASE WHEN picked.k % 4 = 0 THEN m.body ELSE m.body || ' (edited)' END
     FROM picked WHERE m.id = picked.id`,
    [conversationId, total, step, changed],
  );
  await db.query(
    `INSERT INTO message_reactions (message_id, emoji, user_id)
     SELECT m.id, '👍', u FROM messages m, unnest($3::uuid[]) AS u
     WHERE m.conversation_id = $1 AND m.rev > $2 AND (m.rev - $2) % 4 = 0`,
    [conversationId, total, senderIds.slice(0, 3)],
  );
  await db.query(`UPDATE conversations SET last_seq = $2, last_message_at = now() WHERE id = $1`, [
    conversationId,
    total + changed,
  ]);
  // As autovacuum would soon after such a load: fresh statistics and visibility map.
  await db.query(`VACUUM ANALYZE messages`);
  await db.query(`VACUUM ANALYZE message_reactions`);
}

/** The plans of the two reads (the API's SQL), printed for the report. */
async function explain(target: Target, conversationId: string, after: number): Promise<void> {
  const db = target.db!;
  const plans = [
    [
      'changes',
      `SELECT m.* FROM messages m WHERE m.conversation_id = $1 AND m.rev > $2 ORDER BY m.rev ASC LIMIT 201`,
      [conversationId, after],
    ],
    [
      'history',
      `SELECT m.* FROM messages m WHERE m.conversation_id = $1 AND ($2::bigint IS NULL OR m.seq < $2) ORDER BY m.seq DESC LIMIT 51`,
      [conversationId, null],
    ],
  ] as const;
  for (const [name, sql, params] of plans) {
    const rows = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
      params as unknown as unknown[],
    );
    console.log(`  ${name}:\n    ${rows.map((r) => r['QUERY PLAN']).join('\n    ')}`);
  }
}
