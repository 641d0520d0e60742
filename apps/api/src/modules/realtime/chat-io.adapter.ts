import { LIMITS } from '@chat/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { RedisClientType } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { OriginPolicy } from '../../common/http/origin-policy.js';
import type { AppConfig } from '../../config/app-config.js';
import { createRedisClient } from '../../redis/redis.module.js';

/**
 * Socket.IO server options for the whole app: payload cap, CORS, the Origin check, and, when
 * REDIS_URL is set, the Redis adapter that carries broadcasts between API processes.
 */
export class ChatIoAdapter extends IoAdapter {
  private redisClients: RedisClientType[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = new OriginPolicy(this.config);
    const serverOptions: Partial<ServerOptions> = {
      ...options,
      // A frame over the cap closes only the socket that sent it.
      maxHttpBufferSize: LIMITS.socketPayloadBytes,
      cors: (request, callback) => {
        const origin = request.headers.origin;
        callback(null, {
          origin: origin !== undefined && origins.allows(origin, request.headers) ? origin : false,
          credentials: true,
        });
      },
      // The page's own origin and CORS_ORIGINS (OriginPolicy). Browsers always send Origin;
      // tools and servers (no Origin) are not a CSRF risk.
      allowRequest: (request, callback) => {
        const origin = request.headers.origin;
        callback(null, origin === undefined || origins.allows(origin, request.headers));
      },
    };
    const server = super.createIOServer(port, serverOptions as ServerOptions) as Server;
    if (this.config.REDIS_URL) server.adapter(this.redisAdapter(this.config.REDIS_URL));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(
      this.redisClients.map((client) => client.close().catch(() => client.destroy())),
    );
  }

  private redisAdapter(url: string) {
    // Publishing while Redis is down must fail fast rather than queue without bound; the
    // adapter ignores publish()'s promise, so its rejection is swallowed here. Local delivery
    // goes on, and clients fill any gap with afterSeq when they rejoin.
    const pub = createRedisClient(url, 'pub', { offlineQueue: false });
    const publish = pub.publish.bind(pub);
    Object.defineProperty(pub, 'publish', {
      value: (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0),
    });
    // Subscriptions are queued until connected and restored after every reconnect.
    const sub = createRedisClient(url, 'sub', { offlineQueue: true });
    this.redisClients = [pub, sub];
    pub.connect().catch(() => undefined);
    sub.connect().catch(() => undefined);
    return createAdapter(pub, sub);
  }
}
