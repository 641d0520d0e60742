import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateSecretFile } from '../common/files/secret-file.js';
import { jwtSecretSchema } from './env.schema.js';
import { ConfigError } from './load-config.js';

/**
 * Outside production an unset JWT_SECRET is generated once and kept in the data directory, so
 * tokens survive restarts without anyone having to invent a secret. The file is held to the
 * same rule as the variable (at least 32 characters): a truncated or hand-edited file stops
 * start-up with a message naming it instead of signing tokens with a guessable key.
 */
export async function resolveJwtSecret(
  explicit: string | undefined,
  dataDir: string,
): Promise<string> {
  if (explicit) return explicit;
  const file = join(dataDir, 'jwt-secret');
  let secret: string;
  try {
    secret = await readOrCreateSecretFile(file, () => randomBytes(48).toString('base64url'));
  } catch (error) {
    throw new ConfigError(
      `Cannot read or create the JWT secret file ${file}: ${(error as Error).message}`,
    );
  }
  const checked = jwtSecretSchema.safeParse(secret);
  if (!checked.success) {
    throw new ConfigError(
      `Invalid JWT secret file ${file}: ${checked.error.issues[0]?.message}. ` +
        'Delete it to have a new one generated, or set JWT_SECRET.',
    );
  }
  return checked.data;
}
