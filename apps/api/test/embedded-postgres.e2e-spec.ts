import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import { startServer } from '../src/start-server.js';
import { queryDatabase } from './support/test-database.js';

describe('embedded PostgreSQL (DATABASE_URL unset)', () => {
  let dataDir: string;
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const start = () =>
    startServer(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        BOT_ENABLED: 'false',
        DATA_DIR: dataDir,
      }),
    );

  it('starts healthy and keeps its data across restarts', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chat-embedded-'));

    const first = await start();
    try {
      const health = await fetch(`http://127.0.0.1:${first.port}/api/health`);
      expect(health.status).toBe(200);
      await queryDatabase(first.config.databaseUrl, `UPDATE conversations SET topic = 'kept'`);
    } finally {
      await first.stop();
    }

    const second = await start();
    try {
      const rows = await queryDatabase(
        second.config.databaseUrl,
        `SELECT topic FROM conversations`,
      );
      expect(rows).toEqual([{ topic: 'kept' }]);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
