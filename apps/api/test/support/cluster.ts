import { startApiProcess, type ApiProcess } from './api-process.js';
import { startRedisServer, type TestRedis } from './redis-server.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestCluster {
  processes: ApiProcess[];
  redis: TestRedis;
  database: TestDatabase;
  stop(): Promise<void>;
}

/** N API processes on one fresh database and one private Redis, as behind a load balancer. */
export async function startCluster(
  size: number,
  env: Record<string, string> = {},
): Promise<TestCluster> {
  const database = await createTestDatabase();
  const redis = await startRedisServer();
  const processes: ApiProcess[] = [];
  try {
    for (let i = 0; i < size; i++) {
      processes.push(
        await startApiProcess({ DATABASE_URL: database.url, REDIS_URL: redis.url, ...env }),
      );
    }
  } catch (error) {
    await Promise.all(processes.map((p) => p.kill('SIGKILL')));
    await redis.stop();
    await database.drop();
    throw error;
  }
  return {
    processes,
    redis,
    database,
    stop: async () => {
      await Promise.all(processes.map((p) => p.kill('SIGTERM')));
      await redis.stop();
      await database.drop();
    },
  };
}
