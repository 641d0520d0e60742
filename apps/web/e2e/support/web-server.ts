import type { PlaywrightTestConfig } from '@playwright/test';
import { ADMIN_DATABASE_URL, databaseUrl, type E2eServer } from './e2e-env';

type WebServer = NonNullable<Exclude<PlaywrightTestConfig['webServer'], unknown[]>>;

/** The built API serving the built SPA, on a fresh database created just before it starts. */
export function apiWebServer(server: E2eServer): WebServer {
  const origin = `http://localhost:${server.port}`;
  return {
    command: 'node e2e/support/create-database.mjs && node ../api/dist/main.js',
    url: `${origin}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      E2E_DATABASE_NAME: server.databaseName,
      E2E_ADMIN_DATABASE_URL: ADMIN_DATABASE_URL,
      NODE_ENV: 'test',
      PORT: String(server.port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl(server.databaseName),
      DATA_DIR: `/tmp/chat-e2e-${server.databaseName}`,
      BOT_ENABLED: String(server.bot),
      BOT_INTERVAL_MS: '500',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'e2e-only-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
      CORS_ORIGINS: server.corsOrigins ?? origin,
      ...(server.accessTokenTtlS ? { ACCESS_TOKEN_TTL_S: String(server.accessTokenTtlS) } : {}),
      RATE_LIMIT_AUTH_PER_MIN: '1000',
      RATE_LIMIT_USER_SENDS_PER_10S: '1000',
      RATE_LIMIT_GUEST_SENDS_PER_10S: '1000',
      // Every browser of the suite connects from 127.0.0.1 and signs up many users.
      RATE_LIMIT_ROOM_CREATES_PER_HOUR: '1000',
      RATE_LIMIT_PROFILE_EDITS_PER_MIN: '1000',
      LIMIT_SOCKETS_PER_ADDRESS: '1000',
      // Stopping the suite's server need not spread reconnects.
      SHUTDOWN_DRAIN_MS: '0',
    },
  };
}
