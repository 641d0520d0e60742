import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { REDIS, type RedisClient } from '../../redis/redis.module.js';
import { InMemoryPresenceService } from './in-memory-presence.service.js';
import { PresenceService } from './presence.service.js';
import { RedisPresenceService } from './redis-presence.service.js';

/** Who is online and where: the store only; realtime runs the lifecycle and the broadcasts. */
@Module({
  providers: [
    {
      // One process keeps presence in memory; several share it through Redis.
      provide: PresenceService,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: RedisClient, config: AppConfig) =>
        redis ? new RedisPresenceService(redis, config) : new InMemoryPresenceService(),
    },
  ],
  exports: [PresenceService],
})
export class PresenceModule {}
