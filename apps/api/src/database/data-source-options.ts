import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';

/** The schema always comes from migrations; never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // Each module registers its own entities (TypeOrmModule.forFeature + autoLoadEntities).
    entities: [],
    migrations,
    // Run at start by runMigrationsLocked, so several processes can start at once.
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // A database that stops answering fails a request after 5 s instead of holding it forever.
    extra: { max: 20, application_name: 'chat-api', connectionTimeoutMillis: 5000 },
  };
}
