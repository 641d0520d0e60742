import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from './config/app-config.js';
import type { Env } from './config/env.schema.js';
import { resolveJwtSecret } from './config/jwt-secret.js';
import { createApp } from './create-app.js';
import { startEmbeddedPostgres } from './database/embedded-postgres.js';
import { ShutdownDrain } from './modules/realtime/index.js';

export interface RunningServer {
  app: NestExpressApplication;
  port: number;
  config: AppConfig;
  /**
   * The graceful part of a stop (SIGTERM): no new connections, and every socket told to
   * reconnect elsewhere, spread over SHUTDOWN_DRAIN_MS. `stop` follows.
   */
  drain(): Promise<void>;
  /** Closes sockets, HTTP and the database, then the embedded server if one was started. */
  stop(): Promise<void>;
}

/** Resolves the database (embedded when DATABASE_URL is unset), builds the app and listens. */
export async function startServer(env: Env): Promise<RunningServer> {
  const logger = new Logger('Bootstrap');
  // Before anything is started: a bad secret file stops start-up with nothing to clean up.
  const jwtSecret = await resolveJwtSecret(env.JWT_SECRET, env.DATA_DIR);
  const embedded = env.DATABASE_URL ? null : await startEmbeddedPostgres(env.DATA_DIR);
  const databaseUrl = env.DATABASE_URL ?? embedded!.url;
  logger.log(
    embedded
      ? `Database: embedded PostgreSQL, data in ${embedded.dataDir} (${redactUrl(databaseUrl)})`
      : `Database: ${redactUrl(databaseUrl)} (DATABASE_URL)`,
  );
  let app: NestExpressApplication;
  let config: AppConfig;
  try {
    config = { ...env, databaseUrl, jwtSecret };
    app = await createApp(config);
    await app.listen(env.PORT, env.HOST);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const port = (app.getHttpServer().address() as AddressInfo).port;
  logger.log(
    `Listening on http://localhost:${port} (${env.REDIS_URL ? 'Redis fan-out' : 'single node'})`,
  );
  return {
    app,
    port,
    config,
    drain: async () => {
      // Existing connections stay open; only the listening socket closes.
      app.getHttpServer().close();
      await app.get(ShutdownDrain).drain();
    },
    stop: async () => {
      await app.close();
      await embedded?.stop();
    },
  };
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
