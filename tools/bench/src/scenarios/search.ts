import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Histogram, wallClockMs } from '../histogram.js';
import { round, totalCpu } from '../measure.js';
import type { Target } from '../target.js';

export interface SearchBenchResult {
  scenario: 'search';
  messages: number;
  conversations: number;
  readerConversations: number;
  seedS: number;
  request: string;
  /** Messages matching the query anywhere / in the reader's conversations. */
  matchesAll: number;
  matchesReadable: number;
  requests: number;
  hitsInAnswer: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  /** The API process's CPU per request (HTTP rows only). */
  serverCpuMsPerRequest: number | null;
}

/** The API's own statement, from its build (`pnpm bench` builds the API first). */
interface ApiSearchSql {
  searchSql(readable: string): string;
  HEADLINE_OPTIONS: string;
  READABLE_BY_USER_SQL: string;
}

const API_DIST = join(import.meta.dirname, '../../../../apps/api/dist');

async function apiSearchSql(): Promise<ApiSearchSql> {
  const load = (path: string) =>
    import(pathToFileURL(join(API_DIST, path)).href) as Promise<Record<string, unknown>>;
  const messages = await load('modules/messages/index.js');
  const conversations = await load('modules/conversations/index.js');
  return {
    searchSql: messages.searchSql as ApiSearchSql['searchSql'],
    HEADLINE_OPTIONS: messages.HEADLINE_OPTIONS as string,
    READABLE_BY_USER_SQL: conversations.READABLE_BY_USER_SQL as string,
  };
}

const VOCABULARY = 5000;
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vor', 'pel', 'du', 'sin', 'bra'].concat([
  'qui',
  'mo',
  'zet',
  'fa',
  'gor',
  'li',
  'nu',
  'shi',
  'ter',
  'ux',
]);
/** Word of rank r (1-based), three syllables: distinct for every rank below 8,000. */
const wordOf = (rank: number) =>
  SYLLABLES[rank % 20]! +
  SYLLABLES[Math.floor(rank / 20) % 20]! +
  SYLLABLES[Math.floor(rank / 400) % 20]!;

interface Kind {
  request: string;
  /** Runs one request; resolves to the hits in its answer. */
  run(): Promise<number>;
  /** Whose CPU to count (the API process for HTTP; none for direct SQL). */
  http: boolean;
  q: string;
  /** A slow peer runs fewer times, to keep the scenario within a few minutes. */
  slow?: boolean;
}

/**
 * 1,000,000 messages in 1,000 rooms (1,000 each, interleaved in id order as real traffic
 * would be), words drawn from a 5,000-word vocabulary with a Zipf-like (log-uniform) rank, 6–14
 * words a message; one reader who is a member of 50 rooms. Seeded directly in PostgreSQL with
 * `generate_series` (the GIN index dropped during the load and built after, as one would for
 * a bulk load). Measures, one request at a time in interleaved rounds, the API's own search
 * statement for a two-word query of mid-frequency words (the goal) and of very common words,
 * the same words with ILIKE (the peer), and both queries through GET /api/search; finally the
 * mid-frequency query with the GIN index dropped.
 */
export async function runSearch(target: Target, requests: number): Promise<SearchBenchResult[]> {
  const db = target.db;
  if (!db) throw new Error('the search scenario needs the API');
  const sql = await apiSearchSql();
  const conversations = 1000;
  const perConversation = 1000;
  const readerRooms = 50;
  const [reader] = await target.users(1);
  const senders = await target.users(20);

  const seedStarted = Date.now();
  const [index] = await db.query<{ def: string }>(
    `SELECT pg_get_indexdef('messages_search_idx'::regclass) AS def`,
  );
  await db.query(`DROP INDEX messages_search_idx`);
  await db.query(
    `INSERT INTO conversations (kind, slug, name, last_seq, last_message_at)
     SELECT 'room', 'search-' || i, 'Search ' || i, $2::int, now()
     FROM generate_series(1, $1::int) AS i`,
    [conversations, perConversation],
  );
  await db.query(
    `INSERT INTO conversation_members (conversation_id, user_id)
     SELECT id, $1 FROM (
       SELECT id, row_number() OVER (ORDER BY id) AS n FROM conversations WHERE kind = 'room'
     ) rooms WHERE n % ($2::int) = 0`,
    [reader!.id, conversations / readerRooms],
  );
  await db.query(
    `WITH vocab AS (SELECT $1::text[] AS words),
     rooms AS (SELECT id FROM conversations WHERE kind = 'room')
     INSERT INTO messages (conversation_id, seq, rev, sender_id, sender_kind, sender_name, body,
                           client_msg_id, created_at)
     SELECT rooms.id, s, s, ($2::uuid[])[1 + s % 20], 'user', 'Bench ' || (1 + s % 20),
            -- The aggregate's argument names g, so it belongs to this subquery, not the outer one.
            (SELECT string_agg(vocab.words[floor(exp(random() * ln($3::int)))::int + 0 * g], ' ')
             FROM generate_series(1, 6 + abs(hashtext(rooms.id::text || s)) % 9) AS g),
            gen_random_uuid(), now() - make_interval(secs => ($4::int - s) * 60)
     FROM generate_series(1, $4::int) AS s CROSS JOIN rooms CROSS JOIN vocab`,
    [
      Array.from({ length: VOCABULARY }, (_, i) => wordOf(i + 1)),
      senders.map((u) => u.id),
      VOCABULARY,
      perConversation,
    ],
  );
  await db.query(`SET maintenance_work_mem = '512MB'; ${index!.def}`);
  await db.query(`VACUUM ANALYZE messages`);
  await db.query(`ANALYZE conversation_members`);
  const seedS = (Date.now() - seedStarted) / 1000;
  const [{ count: total } = { count: 0 }] = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM messages`,
  );
  console.log(`  seeded ${total} messages in ${seedS.toFixed(1)} s`);

  const mid = `${wordOf(40)} ${wordOf(150)}`;
  const common = `${wordOf(2)} ${wordOf(5)}`;
  const statement = sql.searchSql(sql.READABLE_BY_USER_SQL);
  const fts = (q: string) => async () =>
    (await db.query(statement, [reader!.id, q, null, null, 21, sql.HEADLINE_OPTIONS])).length;
  const ilike = (q: string) => async () => {
    const [a, b] = q.split(' ');
    return (
      await db.query(
        `SELECT m.id, m.body FROM messages m
         WHERE m.conversation_id IN (${sql.READABLE_BY_USER_SQL})
           AND m.kind = 'text' AND m.deleted_at IS NULL
           AND m.body ILIKE $2 AND m.body ILIKE $3
         ORDER BY m.id DESC LIMIT 21`,
        [reader!.id, `%${a}%`, `%${b}%`],
      )
    ).length;
  };
  const http = (q: string) => async () => {
    const response = await fetch(
      `${target.urls[0]!}/api/search?q=${encodeURIComponent(q)}&limit=20`,
      { headers: { authorization: `Bearer ${reader!.token}` } },
    );
    if (!response.ok) throw new Error(`search: HTTP ${response.status} ${await response.text()}`);
    return ((await response.json()) as { items: unknown[] }).items.length;
  };
  const kinds: Kind[] = [
    {
      request: 'SQL: the API statement, two mid-frequency words',
      run: fts(mid),
      http: false,
      q: mid,
    },
    {
      request: 'SQL: the same words with ILIKE (the peer)',
      run: ilike(mid),
      http: false,
      q: mid,
      slow: true,
    },
    {
      request: 'SQL: the API statement, two very common words',
      run: fts(common),
      http: false,
      q: common,
    },
    {
      request: 'SQL: very common words with ILIKE (the peer)',
      run: ilike(common),
      http: false,
      q: common,
      slow: true,
    },
    { request: 'GET /api/search, two mid-frequency words', run: http(mid), http: true, q: mid },
    { request: 'GET /api/search, two very common words', run: http(common), http: true, q: common },
  ];

  const matches = async (q: string) => {
    const [row] = await db.query<{ all: number; readable: number }>(
      `SELECT count(*)::int AS all,
              count(*) FILTER (WHERE m.conversation_id IN (${sql.READABLE_BY_USER_SQL}))::int AS readable
       FROM messages m WHERE m.search_vector @@ websearch_to_tsquery('simple', $2)`,
      [reader!.id, q],
    );
    return row!;
  };
  const counts = new Map([
    [mid, await matches(mid)],
    [common, await matches(common)],
  ]);

  const measured = await measure(kinds, requests, target.pids);
  await explain(db, statement, [reader!.id, mid, null, null, 21, sql.HEADLINE_OPTIONS]);

  // Without the index: the same statement, a few times (each scans every row).
  await db.query(`DROP INDEX messages_search_idx`);
  await db.query(`ANALYZE messages`);
  const [unindexed] = await measure(
    [
      {
        request: 'SQL: the API statement without the GIN index',
        run: fts(mid),
        http: false,
        q: mid,
        slow: true,
      },
    ],
    requests,
    target.pids,
  );

  return [...measured, unindexed!].map(({ kind, latency, cpuS, hits, max }) => ({
    scenario: 'search' as const,
    messages: total,
    conversations,
    readerConversations: readerRooms,
    seedS: round(seedS, 1)!,
    request: kind.request,
    matchesAll: counts.get(kind.q)!.all,
    matchesReadable: counts.get(kind.q)!.readable,
    requests: latency.total,
    hitsInAnswer: hits,
    p50Ms: round(latency.percentile(0.5)),
    p95Ms: round(latency.percentile(0.95)),
    maxMs: round(max),
    serverCpuMsPerRequest: kind.http ? round((cpuS * 1000) / latency.total, 2) : null,
  }));
}

/**
 * Warm-up, then `requests` of each kind (a slow one: a tenth, at least 8) in four interleaved
 * rounds, one request at a time.
 */
async function measure(kinds: Kind[], requests: number, pids: number[]) {
  const stats = kinds.map((kind) => ({ kind, latency: new Histogram(), cpuS: 0, hits: 0, max: 0 }));
  for (const kind of kinds) for (let i = 0; i < (kind.slow ? 2 : 10); i++) await kind.run();
  const rounds = 4;
  for (let r = 0; r < rounds; r++) {
    for (const stat of stats) {
      const count = stat.kind.slow ? Math.max(8, Math.round(requests / 10)) : requests;
      for (let i = 0; i < Math.ceil(count / rounds); i++) {
        const cpuBefore = stat.kind.http ? totalCpu(pids) : 0;
        const at = wallClockMs();
        stat.hits = await stat.kind.run();
        const ms = wallClockMs() - at;
        if (stat.kind.http) stat.cpuS += totalCpu(pids) - cpuBefore;
        stat.latency.record(ms);
        stat.max = Math.max(stat.max, ms);
      }
    }
  }
  return stats;
}

async function explain(db: NonNullable<Target['db']>, sql: string, params: unknown[]) {
  const rows = await db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
    params,
  );
  console.log(`  search plan:\n    ${rows.map((r) => r['QUERY PLAN']).join('\n    ')}`);
}
