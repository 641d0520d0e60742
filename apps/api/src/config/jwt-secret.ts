import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Outside production an unset JWT_SECRET is generated once and kept in the data directory, so
 * tokens survive restarts without anyone having to invent a secret.
 */
export async function resolveJwtSecret(
  explicit: string | undefined,
  dataDir: string,
): Promise<string> {
  if (explicit) return explicit;
  const file = join(dataDir, 'jwt-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(48).toString('base64url');
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
    return (await readFile(file, 'utf8')).trim();
  }
}
