import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AllExceptionsFilter } from './common/http/all-exceptions.filter.js';
import { loggerOptions } from './common/logging/logger-options.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { runMigrationsLocked } from './database/run-migrations.js';
import { AttachmentsModule } from './modules/attachments/index.js';
import { AuthModule } from './modules/auth/index.js';
import { BotModule } from './modules/bot/index.js';
import { ConversationsModule } from './modules/conversations/index.js';
import { GamesModule } from './modules/games/index.js';
import { HealthModule } from './modules/health/index.js';
import { RealtimeModule } from './modules/realtime/index.js';
import { UsersModule } from './modules/users/index.js';
import { RedisModule } from './redis/redis.module.js';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config.databaseUrl), autoLoadEntities: true }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
        EventEmitterModule.forRoot(),
        RedisModule,
        RateLimitModule,
        AuthModule,
        UsersModule,
        AttachmentsModule,
        ConversationsModule,
        GamesModule,
        RealtimeModule,
        BotModule,
        HealthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
