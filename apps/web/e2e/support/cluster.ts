import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { ADMIN_DATABASE_URL, databaseUrl } from './e2e-env';

/**
 * Two built API processes on one fresh database and a private Redis, started by the spec that
 * needs them (the shared servers of playwright.config.ts have no Redis). The spec can stop and
 * restart Redis to cut the fan-out between the two processes for a moment.
 */
export interface E2eCluster {
  /** The two processes' origins. */
  origins: [string, string];
  stopRedis(): Promise<void>;
  startRedis(): Promise<void>;
  stop(): Promise<void>;
}

export async function startCluster(basePort: number, name: string): Promise<E2eCluster> {
  const databaseName = `chat_e2e_${process.env.E2E_DATABASE_SUFFIX}_${name}`;
  await createDatabase(databaseName);
  const redisPort = basePort + 2;
  let redis: ChildProcess | null = null;
  const startRedis = async () => {
    redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitForPort(redisPort);
  };
  const stopRedis = async () => {
    const running = redis;
    redis = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await startRedis();

  const apis: ChildProcess[] = [];
  const origins: string[] = [];
  // One after the other: the first runs the migrations.
  for (const port of [basePort, basePort + 1]) {
    const origin = `http://localhost:${port}`;
    apis.push(
      spawn('node', ['../api/dist/main.js'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          NODE_ENV: 'test',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: databaseUrl(databaseName),
          REDIS_URL: `redis://127.0.0.1:${redisPort}`,
          DATA_DIR: `/tmp/chat-e2e-${databaseName}-${port}`,
          BOT_ENABLED: 'false',
          LOG_LEVEL: 'error',
          JWT_SECRET: 'e2e-only-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
          CORS_ORIGINS: origin,
          RATE_LIMIT_AUTH_PER_MIN: '1000',
          RATE_LIMIT_USER_SENDS_PER_10S: '1000',
          LIMIT_SOCKETS_PER_ADDRESS: '1000',
          SHUTDOWN_DRAIN_MS: '0',
        },
      }),
    );
    await waitForHealth(origin);
    origins.push(origin);
  }

  return {
    origins: origins as [string, string],
    stopRedis,
    startRedis,
    async stop() {
      await Promise.all(
        apis.map(
          (api) =>
            new Promise((resolve) => {
              if (api.exitCode !== null) return resolve(null);
              api.once('exit', resolve);
              api.kill('SIGTERM');
            }),
        ),
      );
      await stopRedis();
    },
  };
}

/** Waits until both the process answers and its Redis is up (health is 200 only then). */
export async function waitForHealth(origin: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${origin}/api/health`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${origin} not healthy in time`);
    await sleep(200);
  }
}

async function createDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function waitForPort(port: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not open port ${port}`);
    await sleep(25);
  }
}
