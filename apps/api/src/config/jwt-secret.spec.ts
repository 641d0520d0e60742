import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJwtSecret } from './jwt-secret.js';
import { ConfigError } from './load-config.js';

describe('resolveJwtSecret (JWT_SECRET unset: DATA_DIR/jwt-secret)', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chat-secret-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('uses JWT_SECRET when it is set, without touching the data directory', async () => {
    const explicit = 'e'.repeat(32);
    expect(await resolveJwtSecret(explicit, dataDir)).toBe(explicit);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('generates a secret of at least 32 characters, owner-only, and keeps it', async () => {
    const first = await resolveJwtSecret(undefined, dataDir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = join(dataDir, 'jwt-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toBe(first);
    expect(await resolveJwtSecret(undefined, dataDir)).toBe(first);
  });

  it('creates the data directory when it is missing', async () => {
    const nested = join(dataDir, 'a', 'b');
    expect((await resolveJwtSecret(undefined, nested)).length).toBeGreaterThanOrEqual(32);
  });

  it('gives concurrent starters one and the same secret, never a half-written file', async () => {
    const secrets = await Promise.all(
      Array.from({ length: 20 }, () => resolveJwtSecret(undefined, dataDir)),
    );
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]!.length).toBeGreaterThanOrEqual(32);
    // No temporary files are left behind.
    expect(await readdir(dataDir)).toEqual(['jwt-secret']);
  });

  it.each([
    ['empty', ''],
    ['one character', 'x'],
    ['31 characters', 'y'.repeat(31)],
    ['only whitespace', ' \n\t'.repeat(20)],
  ])('refuses a %s file, naming it, and leaves it as it was', async (_what, content) => {
    const file = join(dataDir, 'jwt-secret');
    await writeFile(file, content, { mode: 0o600 });
    const attempt = resolveJwtSecret(undefined, dataDir);
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(resolveJwtSecret(undefined, dataDir)).rejects.toThrow(
      /jwt-secret.*at least 32 characters/s,
    );
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('accepts a file of 32 characters with a trailing newline (as an editor saves it)', async () => {
    await writeFile(join(dataDir, 'jwt-secret'), `${'z'.repeat(32)}\n`);
    expect(await resolveJwtSecret(undefined, dataDir)).toBe('z'.repeat(32));
  });

  it('refuses a jwt-secret that is not a readable file', async () => {
    await mkdir(join(dataDir, 'jwt-secret'));
    await expect(resolveJwtSecret(undefined, dataDir)).rejects.toThrow(ConfigError);
  });
});
