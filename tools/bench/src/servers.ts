import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { JWT_SECRET } from './fixtures.js';

const API_MAIN = join(import.meta.dirname, '../../../apps/api/dist/main.js');
const BARE_MAIN = join(import.meta.dirname, 'bare-server.js');
const LOOP_PROBE = join(import.meta.dirname, 'loop-probe.js');

export interface ServerProcess {
  url: string;
  pid: number;
  /** Longest event-loop delay (ms) since the last `resetLoopDelay` (the loop probe's file). */
  loopDelayMs(): number | null;
  resetLoopDelay(): void;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** One `node apps/api/dist/main.js`, as operators run it, with limits raised for load. */
export async function startApi(
  databaseUrl: string,
  redisUrl?: string,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  return startProcess(API_MAIN, port, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    JWT_SECRET,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'chat-bench-')),
    LOG_LEVEL: 'warn',
    BOT_ENABLED: 'false',
    RATE_LIMIT_USER_SENDS_PER_10S: '1000000',
    RATE_LIMIT_REACTIONS_PER_10S: '1000000',
    RATE_LIMIT_MESSAGE_CHANGES_PER_MIN: '1000000',
    RATE_LIMIT_AUTH_PER_MIN: '1000000',
    RATE_LIMIT_CONVERSATION_JOINS_PER_10S: '1000000',
    RATE_LIMIT_SEARCH_PER_MIN: '1000000',
    LIMIT_SOCKETS_PER_ADDRESS: '1000000',
    LIMIT_SOCKETS_PER_USER: '1000000',
    ...extraEnv,
  });
}

/** The baseline: a bare Socket.IO 4.8 server that only joins rooms and broadcasts. */
export async function startBare(): Promise<ServerProcess> {
  const port = await freePort();
  return startProcess(BARE_MAIN, port, { PORT: String(port) });
}

export async function startRedis(): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  await waitForPort(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid!,
    loopDelayMs: () => null,
    resetLoopDelay: () => undefined,
    stop: () => kill(child),
  };
}

async function startProcess(
  main: string,
  port: number,
  env: Record<string, string>,
): Promise<ServerProcess> {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the servers.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const probeFile = join(mkdtempSync(join(tmpdir(), 'chat-bench-loop-')), 'loop.json');
  const child = spawn(process.execPath, [...nodeArgs, '--import', LOOP_PROBE, main], {
    env: { PATH: process.env.PATH, LOOP_PROBE_FILE: probeFile, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${main} exited with ${code}`))),
  );
  await Promise.race([
    waitForHttp(`http://127.0.0.1:${port}`, main === API_MAIN ? '/api/health' : '/health'),
    exited,
  ]);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    loopDelayMs: () => {
      try {
        return (JSON.parse(readFileSync(probeFile, 'utf8')) as { maxMs: number }).maxMs;
      } catch {
        return null;
      }
    },
    resetLoopDelay: () => void child.kill('SIGUSR2'),
    stop: () => kill(child),
  };
}

async function waitForHttp(base: string, path: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(base + path).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${base} did not become healthy`);
    await sleep(100);
  }
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection(
        { host: '127.0.0.1', port },
        () => (socket.end(), resolve(true)),
      );
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await sleep(25);
  }
  throw new Error(`port ${port} did not open`);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
