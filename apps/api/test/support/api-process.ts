import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from './http-client.js';
import { RELAXED_LIMITS } from './relaxed-limits.js';
import { TEST_JWT_SECRET } from './test-secret.js';

const MAIN = join(import.meta.dirname, '../../dist/main.js');

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  http: HttpClient;
  /** Everything the process printed so far. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts `node apps/api/dist/main.js` as operators do, on a random port. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (pnpm build)`);
  const dataDir = await mkdtemp(join(tmpdir(), 'chat-proc-'));
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      BOT_ENABLED: 'false',
      JWT_SECRET: TEST_JWT_SECRET,
      ...RELAXED_LIMITS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 30_000);
    const look = () => {
      const match = /Listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code}:\n${output}`));
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    port,
    baseUrl,
    http: new HttpClient(baseUrl),
    output: () => output,
    kill: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}
