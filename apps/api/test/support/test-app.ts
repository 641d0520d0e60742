import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { HttpClient } from './http-client.js';
import { RELAXED_LIMITS } from './relaxed-limits.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TEST_JWT_SECRET } from './test-secret.js';

export interface TestApp {
  server: RunningServer;
  database: TestDatabase;
  baseUrl: string;
  http: HttpClient;
  close(): Promise<void>;
}

/**
 * Boots the real application on a random port against a fresh database on the running
 * PostgreSQL. `env` overrides variables (rates, the bot, REDIS_URL…). Pass `database` to start
 * a second app on the same database; then the caller drops it.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { database?: TestDatabase } = {},
): Promise<TestApp> {
  const ownsDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  const dataDir = await mkdtemp(join(tmpdir(), 'chat-test-'));
  try {
    const server = await startServer(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        BOT_ENABLED: 'false',
        ...RELAXED_LIMITS,
        JWT_SECRET: TEST_JWT_SECRET,
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        ...env,
      }),
    );
    const baseUrl = `http://127.0.0.1:${server.port}`;
    return {
      server,
      database,
      baseUrl,
      http: new HttpClient(baseUrl),
      close: async () => {
        await server.stop();
        if (ownsDatabase) await database.drop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (ownsDatabase) await database.drop();
    throw error;
  }
}
