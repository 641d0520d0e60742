import { randomBytes } from 'node:crypto';

// The config file is loaded by the runner and again by every worker; workers inherit the
// runner's environment, so the name is chosen once.
process.env.E2E_DATABASE_SUFFIX ??= randomBytes(4).toString('hex');

export const ADMIN_DATABASE_URL =
  process.env.E2E_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface E2eServer {
  port: number;
  databaseName: string;
  bot: boolean;
  /** CORS_ORIGINS; by default the server's own localhost origin. */
  corsOrigins?: string;
  /** ACCESS_TOKEN_TTL_S; by default the API's (15 minutes). */
  accessTokenTtlS?: number;
}

export interface E2eServerOptions {
  bot: boolean;
  /** Tells this server's database apart from the others' (`chat_e2e_<run>_<name>`). */
  name?: string;
  corsOrigins?: string;
  accessTokenTtlS?: number;
}

export function e2eServer(port: number, options: E2eServerOptions): E2eServer {
  const { bot, name = bot ? 'bot' : undefined, ...rest } = options;
  const databaseName = `chat_e2e_${process.env.E2E_DATABASE_SUFFIX}${name ? `_${name}` : ''}`;
  return { port, databaseName, bot, ...rest };
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
