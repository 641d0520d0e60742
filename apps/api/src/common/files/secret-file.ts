import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Reads a generated secret kept in a file (trimmed), creating it first when it is missing.
 * Creation is atomic: the secret is written to a private temporary file that is then hard-linked
 * into place, which fails if the file exists. So a reader never sees a half-written file, and of
 * several processes starting at once every one ends up with the same, first-linked secret.
 */
export async function readOrCreateSecretFile(
  file: string,
  generate: () => string,
): Promise<string> {
  const existing = await readSecret(file);
  if (existing !== null) return existing;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, generate(), { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  return (await readSecret(file)) ?? '';
}

/** The file's trimmed content, or null when it does not exist; other failures throw. */
async function readSecret(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
