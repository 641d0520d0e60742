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
}

export function e2eServer(port: number, { bot }: { bot: boolean }): E2eServer {
  const databaseName = `chat_e2e_${process.env.E2E_DATABASE_SUFFIX}${bot ? '_bot' : ''}`;
  return { port, databaseName, bot };
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
