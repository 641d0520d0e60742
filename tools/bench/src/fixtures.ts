import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { signAccessToken } from './jwt.js';
import { cpuSeconds } from './proc-stats.js';

export const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const JWT_SECRET = randomBytes(32).toString('base64url');

export interface BenchDatabase {
  url: string;
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<T[]>;
  drop(): Promise<void>;
}

export const BENCH_APPLICATION_NAME = 'chat-bench';

/** A fresh database on the local PostgreSQL; the API's migrations create the schema. */
export async function createDatabase(): Promise<BenchDatabase> {
  const name = `chat_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  // Named, so the API's own backends can be told apart (`apiBackendCpu`).
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: 4,
    application_name: BENCH_APPLICATION_NAME,
  });
  return {
    url: url.toString(),
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    drop: async () => {
      await pool.end();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * `count` users inserted directly (signing up through argon2 would dominate the run) and an
 * access token for each, signed with the secret the API under test is started with.
 */
export async function createUsers(
  db: BenchDatabase,
  count: number,
  prefix: string,
): Promise<Array<{ id: string; token: string }>> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO users (username, display_name, avatar_color)
     SELECT $1 || '_' || i, 'Bench ' || i, '#2563eb' FROM generate_series(1, $2::int) AS i
     RETURNING id`,
    [prefix, count],
  );
  return rows.map((row) => ({ id: row.id, token: signAccessToken(JWT_SECRET, row.id) }));
}

/** A room with these members. */
export async function createRoom(
  db: BenchDatabase,
  slug: string,
  memberIds: string[],
): Promise<string> {
  const [room] = await db.query<{ id: string }>(
    `INSERT INTO conversations (kind, slug, name) VALUES ('room', $1, $1) RETURNING id`,
    [slug],
  );
  await db.query(
    `INSERT INTO conversation_members (conversation_id, user_id) SELECT $1, unnest($2::uuid[])`,
    [room!.id, memberIds],
  );
  return room!.id;
}

/**
 * CPU seconds so far of each PostgreSQL backend serving the API in this database (by pid, from
 * /proc; the bench's own connections excluded). Compare two snapshots with `backendCpuDelta`.
 */
export async function apiBackendCpu(db: BenchDatabase): Promise<Map<number, number>> {
  const rows = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND application_name <> $1 AND backend_type = 'client backend'`,
    [BENCH_APPLICATION_NAME],
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      cpu.set(pid, cpuSeconds(pid));
    } catch {
      // The backend ended between the query and the read.
    }
  }
  return cpu;
}

/** CPU used between two snapshots; a backend that started in between counts from zero. */
export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, cpu] of after) sum += cpu - (before.get(pid) ?? 0);
  return sum;
}
