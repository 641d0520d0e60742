import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
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

describe('embedded PostgreSQL: its secrets and folders', () => {
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
  const withPassword = (url: string, password: string) => {
    const changed = new URL(url);
    changed.password = password;
    return changed.toString();
  };
  const refused = (url: string) =>
    queryDatabase(url, 'SELECT 1').then(
      () => 'connected',
      (error: { code?: string }) => error.code,
    );

  it('uses a random password kept in DATA_DIR and keeps DATA_DIR private', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chat-embedded-'));
    const server = await start();
    try {
      const passwordFile = join(dataDir, 'postgres-password');
      const password = await readFile(passwordFile, 'utf8');
      expect(password.length).toBeGreaterThanOrEqual(32);
      expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);
      expect(decodeURIComponent(new URL(server.config.databaseUrl).password)).toBe(password);
      // The well-known password no longer opens it.
      expect(await refused(withPassword(server.config.databaseUrl, 'postgres'))).toBe('28P01');

      const dataDirStat = await stat(dataDir);
      const clusterStat = await stat(join(dataDir, 'postgres'));
      expect(clusterStat.mode & 0o777).toBe(0o700);
      if (process.getuid?.() === 0) {
        // As root, postgres runs as the `postgres` user: only its group may pass through.
        expect(dataDirStat.mode & 0o777).toBe(0o710);
        expect(dataDirStat.gid).toBe(clusterStat.gid);
      } else {
        expect(dataDirStat.mode & 0o777).toBe(0o700);
      }
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('moves a cluster made with the old password "postgres" to a random one', async () => {
    // The previous test's cluster, put back the way older versions left it.
    const first = await start();
    try {
      await queryDatabase(first.config.databaseUrl, `UPDATE conversations SET topic = 'old'`);
      await queryDatabase(first.config.databaseUrl, `ALTER ROLE postgres PASSWORD 'postgres'`);
    } finally {
      await first.stop();
    }
    await rm(join(dataDir, 'postgres-password'));

    const second = await start();
    try {
      const password = await readFile(join(dataDir, 'postgres-password'), 'utf8');
      expect(password.length).toBeGreaterThanOrEqual(32);
      expect(
        await queryDatabase(second.config.databaseUrl, 'SELECT topic FROM conversations'),
      ).toEqual([{ topic: 'old' }]);
      expect(await refused(withPassword(second.config.databaseUrl, 'postgres'))).toBe('28P01');
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('refuses to start with an empty password file, naming it', async () => {
    await writeFile(join(dataDir, 'postgres-password'), '');
    await expect(start()).rejects.toThrow(/postgres-password/);
  }, 60_000);
});
