import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signUp } from './factories/users.js';
import { startApiProcess } from './support/api-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** `node dist/main.js` with JWT_SECRET unset, so the secret comes from DATA_DIR/jwt-secret. */
describe('the generated JWT secret file (JWT_SECRET unset)', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const start = () =>
    startApiProcess({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      JWT_SECRET: '',
      NODE_ENV: 'development',
    });

  it.each([
    ['empty', ''],
    ['one character', 'x'],
    ['31 characters', 'k'.repeat(31)],
  ])(
    'refuses to start with an %s jwt-secret file, naming it',
    async (_what, content) => {
      dataDir = await mkdtemp(join(tmpdir(), 'chat-secret-'));
      try {
        await writeFile(join(dataDir, 'jwt-secret'), content, { mode: 0o600 });
        const failure = await start().then(
          async (api) => {
            await api.kill('SIGTERM');
            return null;
          },
          (error: Error) => error.message,
        );
        expect(failure).toMatch(/exited with 1/);
        expect(failure).toMatch(/jwt-secret/);
        expect(failure).toMatch(/at least 32 characters/);
        // Left for the operator to look at, not silently replaced.
        expect(await readFile(join(dataDir, 'jwt-secret'), 'utf8')).toBe(content);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('generates one when missing and signs with it across restarts', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chat-secret-'));
    try {
      const first = await start();
      let token: string;
      try {
        token = (await signUp(first.http)).accessToken;
      } finally {
        await first.kill('SIGTERM');
      }
      expect((await readFile(join(dataDir, 'jwt-secret'), 'utf8')).length).toBeGreaterThanOrEqual(
        32,
      );
      const second = await start();
      try {
        const me = await second.http.get('/api/users/me', { token });
        expect(me.status).toBe(200);
      } finally {
        await second.kill('SIGTERM');
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
