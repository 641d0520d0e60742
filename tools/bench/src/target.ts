import { createDatabase, createRoom, createUsers, type BenchDatabase } from './fixtures.js';
import { startApi, startBare, startRedis, type ServerProcess } from './servers.js';

export type TargetKind = 'bare' | 'api' | 'api-redis';

/** What a scenario runs against: one or two server processes and, for the API, its data. */
export interface Target {
  kind: TargetKind;
  /** Server URLs; clients are spread over them. */
  urls: string[];
  /** Server process ids whose CPU and memory are measured. */
  pids: number[];
  /** The server processes themselves (event-loop delay). */
  servers: ServerProcess[];
  db: BenchDatabase | null;
  /** Access tokens of `count` users (null for the bare server, which has no auth). */
  users(count: number): Promise<Array<{ id: string; token: string | null }>>;
  /** A room with these members (any id for the bare server). */
  room(memberIds: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** `processes`: API processes of an api-redis target (default two). */
export async function startTarget(
  kind: TargetKind,
  options: { processes?: number } = {},
): Promise<Target> {
  if (kind === 'bare') {
    const server = await startBare();
    let rooms = 0;
    return {
      kind,
      urls: [server.url],
      pids: [server.pid],
      servers: [server],
      db: null,
      users: async (count) =>
        Array.from({ length: count }, (_, i) => ({ id: String(i), token: null })),
      room: async () => `00000000-0000-4000-8000-${String(++rooms).padStart(12, '0')}`,
      stop: () => server.stop(),
    };
  }
  const db = await createDatabase();
  const redis = kind === 'api-redis' ? await startRedis() : null;
  const servers: ServerProcess[] = [await startApi(db.url, redis?.url)];
  for (let i = 1; redis && i < (options.processes ?? 2); i++) {
    servers.push(await startApi(db.url, redis.url));
  }
  let batches = 0;
  let rooms = 0;
  return {
    kind,
    urls: servers.map((s) => s.url),
    pids: servers.map((s) => s.pid),
    servers,
    db,
    users: (count) => createUsers(db, count, `b${++batches}`),
    room: (memberIds) => createRoom(db, `bench-room-${++rooms}`, memberIds),
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await redis?.stop();
      await db.drop();
    },
  };
}
