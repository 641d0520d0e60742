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
import { TickBatcher } from '../../common/batching/tick-batcher.js';
import {
  PresenceService,
  type ExpiredSocket,
  type PresenceChange,
  type PresenceChanges,
  type Present,
} from './presence.service.js';
import {
  CHANGES,
  CONNECT_MANY,
  DISCONNECT_MANY,
  JOIN,
  LEAVE,
  REMOVE_USER,
} from './redis-presence.scripts.js';

const PREFIX = '{presence}';
/** Sockets per connect or disconnect script call (a storm is several calls, not one huge one). */
const BATCH = 500;
/** Changes kept in the feed: far more than a second's worth even in a storm of 10,000. */
const FEED_KEEP = 200_000;

type SocketEntry = { user: PresenceUser | null; conversations: Set<string> };
type Departure = { claimed: boolean; user: PresenceUser | null } & PresenceChange;

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
  private readonly local = new Map<string, SocketEntry>();
  private heartbeat: NodeJS.Timeout | null = null;
  private needsResync = false;
  /** The connects and disconnects of one moment go to Redis as one script call. */
  private readonly connects = new TickBatcher<[string, PresenceUser | null], boolean>(
    (sockets) => this.connectMany(sockets),
    { maxBatch: BATCH },
  );
  private readonly disconnects = new TickBatcher<string, Departure>(
    (socketIds) => this.disconnectMany(socketIds),
    { maxBatch: BATCH },
  );
  private readonly onlineChecks = new TickBatcher<string, boolean>(
    (userIds) => this.areOnline(userIds),
    { maxBatch: 5000 },
  );

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
    const first = await this.connects.get([socketId, user]);
    return { userChanged: first, conversationsChanged: [] };
  }

  async disconnect(socketId: string) {
    const entry = this.local.get(socketId);
    this.local.delete(socketId);
    const { claimed: _claimed, ...departure } = await this.disconnects.get(socketId);
    // Redis unreachable: report from local knowledge only, as the in-memory service would.
    return departure.user ? departure : { ...departure, user: entry?.user ?? null };
  }

  override async handOver(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    // Not removed: they expire within the TTL unless a survivor's sweep finds them first.
    this.local.clear();
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

  onlineAmong(userIds: string[]): Promise<Set<string>> {
    return Promise.all(userIds.map((id) => this.onlineChecks.get(id))).then(
      (online) => new Set(userIds.filter((_, i) => online[i])),
    );
  }

  async changesSince(cursor: number, limit = 20_000): Promise<PresenceChanges> {
    const reply = await this.run<Array<string | number>>(
      CHANGES,
      [cursor, limit, FEED_KEEP],
      [cursor, 0],
    );
    const changes: PresenceChanges = {
      cursor: Number(reply[0]),
      lost: Number(reply[1]) === 1,
      users: [],
      conversations: [],
    };
    for (let i = 2; i < reply.length; i += 2) {
      const member = String(reply[i]);
      const state = String(reply[i + 1]);
      if (member.startsWith('u:')) {
        changes.users.push({ userId: member.slice(2), online: state === '1' });
        continue;
      }
      const bar = member.indexOf('|');
      changes.conversations.push({
        conversationId: member.slice(2, bar),
        userId: member.slice(bar + 1),
        user: state === '' ? null : (JSON.parse(state) as PresenceUser),
      });
    }
    return changes;
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

  async presentIn(conversationId: string, limit: number): Promise<Present> {
    const key = `${PREFIX}:c:${conversationId}`;
    return this.attempt(
      async () => {
        // HRANDFIELD with a count of at least the hash's size returns all of it.
        const [count, some] = (await this.redis
          .multi()
          .hLen(key)
          .hRandFieldCountWithValues(key, limit)
          .exec()) as unknown as [number, Array<{ field: string; value: string }>];
        const users = some.map(({ value }) => JSON.parse(value) as PresenceUser);
        return { users, count: Number(count) };
      },
      () => ({ users: [], count: 0 }),
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
    // Ours and alive are only late on their heartbeat.
    const dead = expired.filter((socketId) => !this.local.has(socketId));
    const swept: ExpiredSocket[] = [];
    for (let i = 0; i < dead.length; i += BATCH) {
      for (const { claimed, user, ...change } of await this.disconnectMany(
        dead.slice(i, i + BATCH),
      )) {
        if (claimed && user) swept.push({ user, ...change });
      }
    }
    return swept;
  }

  private async connectMany(sockets: Array<[string, PresenceUser | null]>): Promise<boolean[]> {
    const args: Array<string | number> = [this.expiry()];
    for (const [socketId, user] of sockets) {
      args.push(socketId, user ? JSON.stringify(user) : '', user?.id ?? '');
    }
    const firsts = await this.run<number[]>(CONNECT_MANY, args, []);
    return sockets.map((_, i) => firsts[i] === 1);
  }

  private async disconnectMany(socketIds: string[]): Promise<Departure[]> {
    const replies = await this.run<Array<Array<number | string>>>(DISCONNECT_MANY, socketIds, []);
    return socketIds.map((_, i) => {
      const [claimed, info, userChanged, ...conversations] = replies[i] ?? [];
      if (typeof info !== 'string' || info === '') {
        return { claimed: claimed === 1, user: null, userChanged: false, conversationsChanged: [] };
      }
      return {
        claimed: claimed === 1,
        user: JSON.parse(info) as PresenceUser,
        userChanged: userChanged === 1,
        conversationsChanged: conversations.map(String),
      };
    });
  }

  private async areOnline(userIds: string[]): Promise<boolean[]> {
    return this.attempt(
      async () => (await this.redis.smIsMember(`${PREFIX}:online`, userIds)).map(Boolean),
      () => {
        const here = new Set([...this.local.values()].map((entry) => entry.user?.id));
        return userIds.map((id) => here.has(id));
      },
    );
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
      await this.connectMany([[socketId, user]]);
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
