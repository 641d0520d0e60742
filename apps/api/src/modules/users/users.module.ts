import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { REDIS, type RedisClient } from '../../redis/redis.module.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InMemoryPresenceService } from './presence/in-memory-presence.service.js';
import { PresenceService } from './presence/presence.service.js';
import { RedisPresenceService } from './presence/redis-presence.service.js';
import { UserEntity } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [UsersController],
  providers: [
    UsersService,
    {
      // One process keeps presence in memory; several share it through Redis.
      provide: PresenceService,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: RedisClient, config: AppConfig) =>
        redis ? new RedisPresenceService(redis, config) : new InMemoryPresenceService(),
    },
  ],
  exports: [UsersService, PresenceService],
})
export class UsersModule {}
