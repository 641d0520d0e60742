import { Global, Logger, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { createClient, type RedisClientType } from 'redis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export const REDIS = Symbol('REDIS');

/** The shared command connection, or null in single-node mode (no REDIS_URL). */
export type RedisClient = RedisClientType | null;

/**
 * Redis connections reconnect forever with back-off; errors are logged, never thrown, so a
 * Redis outage degrades fan-out and presence but never stops the process.
 */
export function createRedisClient(
  url: string,
  name: string,
  options: { offlineQueue: boolean } = { offlineQueue: false },
): RedisClientType {
  const logger = new Logger(`Redis:${name}`);
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    // Commands fail at once while disconnected instead of piling up in memory.
    disableOfflineQueue: !options.offlineQueue,
  }) as RedisClientType;
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) logger.warn(`Redis unavailable: ${error.message}`);
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.log('Redis connection restored');
    down = false;
  });
  return client;
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<RedisClient> => {
        if (!config.REDIS_URL) return null;
        const client = createRedisClient(config.REDIS_URL, 'commands');
        // Start even if Redis is down right now: the client keeps reconnecting.
        client.connect().catch(() => undefined);
        return client;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis?.isOpen) await this.redis.close().catch(() => undefined);
    else this.redis?.destroy();
  }
}
