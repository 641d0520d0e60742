import type { PresenceUser } from '@chat/contracts';
import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { RedisClientType } from 'redis';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import { REDIS } from '../../redis/redis.module.js';
import { PresenceService, type ExpiredSocket, type PresenceChange } from './presence.service.js';
import { CONNECT, DISCONNECT, JOIN, LEAVE, REMOVE_USER } from './redis-presence.scripts.js';

const PREFIX = '{presence}';

/**
 * Presence shared by every API process through Redis. Each socket has an expiry in `P:all`
 * that this process's heartbeat keeps pushing forward; when a process dies its sockets expire
 * and the sweep of a surviving process removes them (and reports who went offline).
 *
 * Presence is best-effort: while Redis is down every call answers from what this process
 * knows (its own sockets), and when Redis returns the local sockets are written back.
 */
@Injectable()
export class RedisPresenceService extends PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RedisPresence');
  /** This process's sockets (per-socket state, the source for heartbeat and resync). */
  private readonly local = new Map<
    string,
    { user: PresenceUser | null; conversations: Set<string> }
  >();
  private heartbeat: NodeJS.Timeout | null = null;
  private needsResync = false;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClientType,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    const ttl = this.config.PRESENCE_TTL_MS;
    this.heartbeat = setInterval(() => void this.beat(), Math.max(250, Math.floor(ttl / 3)));
    this.heartbeat.unref();
    this.redis.on('error', () => (this.needsResync = true));
    this.redis.on('ready', () => {
      if (this.needsResync) void this.resync();
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    // Leave cleanly so other processes need not wait for the expiry.
    await Promise.all([...this.local.keys()].map((socketId) => this.disconnect(socketId)));
  }

  async connect(socketId: string, user: PresenceUser | null): Promise<PresenceChange> {
    this.local.set(socketId, { user, conversations: new Set() });
    const first = await this.run(
      CONNECT,
      [socketId, this.expiry(), user ? JSON.stringify(user) : '', user?.id ?? ''],
      0,
    );
    return { userChanged: first === 1, conversationsChanged: [] };
  }

  async disconnect(socketId: string) {
    const entry = this.local.get(socketId);
    this.local.delete(socketId);
    const result = await this.run<Array<number | string>>(DISCONNECT, [socketId], []);
    const [, info, userChanged, ...conversations] = result;
    if (typeof info !== 'string' || info === '') {
      // Redis unreachable: report from local knowledge only, as the in-memory service would.
      return { user: entry?.user ?? null, userChanged: false, conversationsChanged: [] };
    }
    return {
      user: JSON.parse(info) as PresenceUser,
      userChanged: userChanged === 1,
      conversationsChanged: conversations.map(String),
    };
  }

  async join(socketId: string, conversationId: string): Promise<boolean> {
    const entry = this.local.get(socketId);
    if (!entry) return false;
    entry.conversations.add(conversationId);
    const user = entry.user;
    const first = await this.run(
      JOIN,
      [socketId, conversationId, user?.id ?? '', user ? JSON.stringify(user) : ''],
      0,
    );
    return first === 1;
  }

  async leave(socketId: string, conversationId: string): Promise<boolean> {
    const entry = this.local.get(socketId);
    if (!entry?.conversations.delete(conversationId)) return false;
    return (await this.run(LEAVE, [socketId, conversationId, entry.user?.id ?? ''], 0)) === 1;
  }

  async removeUser(conversationId: string, userId: string): Promise<PresenceUser | null> {
    for (const entry of this.local.values()) {
      if (entry.user?.id === userId) entry.conversations.delete(conversationId);
    }
    const user = await this.run<string | null>(REMOVE_USER, [conversationId, userId], null);
    return user ? (JSON.parse(user) as PresenceUser) : null;
  }

  async isOnline(userId: string): Promise<boolean> {
    return this.attempt(
      () => this.redis.sIsMember(`${PREFIX}:online`, userId).then(Boolean),
      () => [...this.local.values()].some((entry) => entry.user?.id === userId),
    );
  }

  async onlineUserIds(): Promise<string[]> {
    return this.attempt(
      () => this.redis.sMembers(`${PREFIX}:online`),
      () => [
        ...new Set(
          [...this.local.values()].flatMap((entry) => (entry.user ? [entry.user.id] : [])),
        ),
      ],
    );
  }

  async presentIn(conversationId: string): Promise<PresenceUser[]> {
    return this.attempt(
      async () =>
        (await this.redis.hVals(`${PREFIX}:c:${conversationId}`)).map(
          (json) => JSON.parse(json) as PresenceUser,
        ),
      () => [],
    );
  }

  async countIn(conversationIds: string[]): Promise<Map<string, number>> {
    if (conversationIds.length === 0) return new Map();
    return this.attempt(
      async () => {
        const multi = this.redis.multi();
        for (const id of conversationIds) multi.hLen(`${PREFIX}:c:${id}`);
        const counts = (await multi.exec()) as unknown as number[];
        return new Map(conversationIds.map((id, i) => [id, Number(counts[i] ?? 0)]));
      },
      () => new Map(conversationIds.map((id) => [id, 0])),
    );
  }

  async socketCount(): Promise<number> {
    return this.attempt(
      () => this.redis.zCount(`${PREFIX}:all`, Date.now(), '+inf'),
      () => this.local.size,
    );
  }

  async socketCountOf(userId: string): Promise<number> {
    return this.attempt(
      () => this.redis.sCard(`${PREFIX}:u:${userId}`),
      () => [...this.local.values()].filter((entry) => entry.user?.id === userId).length,
    );
  }

  /** Removes sockets whose process stopped beating; each is claimed by exactly one caller. */
  override async sweepExpired(): Promise<ExpiredSocket[]> {
    const expired = await this.attempt(
      () => this.redis.zRangeByScore(`${PREFIX}:all`, '-inf', Date.now()),
      () => [],
    );
    const swept: ExpiredSocket[] = [];
    for (const socketId of expired) {
      if (this.local.has(socketId)) continue; // ours and alive: the heartbeat was only late
      const [claimed, info, userChanged, ...conversations] = await this.run<Array<number | string>>(
        DISCONNECT,
        [socketId],
        [],
      );
      if (claimed !== 1 || typeof info !== 'string' || info === '') continue;
      swept.push({
        user: JSON.parse(info) as PresenceUser,
        userChanged: userChanged === 1,
        conversationsChanged: conversations.map(String),
      });
    }
    return swept;
  }

  private expiry(): number {
    return Date.now() + this.config.PRESENCE_TTL_MS;
  }

  private async beat(): Promise<void> {
    if (this.local.size === 0 || !this.redis.isReady) return;
    const expiry = this.expiry();
    await this.redis
      .zAdd(
        `${PREFIX}:all`,
        [...this.local.keys()].map((value) => ({ score: expiry, value })),
        { XX: true },
      )
      .catch(() => undefined);
  }

  /** After an outage, write this process's sockets back (their first/last flags no longer matter). */
  private async resync(): Promise<void> {
    this.needsResync = false;
    for (const [socketId, entry] of this.local) {
      const user = entry.user;
      await this.run(
        CONNECT,
        [socketId, this.expiry(), user ? JSON.stringify(user) : '', user?.id ?? ''],
        0,
      );
      for (const conversationId of entry.conversations) {
        await this.run(
          JOIN,
          [socketId, conversationId, user?.id ?? '', user ? JSON.stringify(user) : ''],
          0,
        );
      }
    }
    this.logger.log(`Presence of ${this.local.size} local sockets written back to Redis`);
  }

  private async run<T = number>(
    script: string,
    args: Array<string | number>,
    fallback: T,
  ): Promise<T> {
    return this.attempt(
      () =>
        this.redis.eval(script, {
          keys: [],
          arguments: [PREFIX, ...args.map(String)],
        }) as Promise<T>,
      () => fallback,
    );
  }

  private async attempt<T>(work: () => Promise<T>, fallback: () => T): Promise<T> {
    if (!this.redis.isReady) {
      this.needsResync = true;
      return fallback();
    }
    try {
      return await work();
    } catch (error) {
      this.needsResync = true;
      this.logger.warn(
        `Presence falls back to this process while Redis fails: ${(error as Error).message}`,
      );
      return fallback();
    }
  }
}
