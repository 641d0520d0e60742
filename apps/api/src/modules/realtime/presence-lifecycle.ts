import {
  LIMITS,
  type ConversationPresenceChanged,
  type PresenceWatchResult,
  type UserPresenceChanged,
} from '@chat/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import { PresenceService, type PresenceChanges, type Present } from '../presence/index.js';
import { UsersService } from '../users/index.js';
import { conversationRoom, watchRoom, type ChatServer, type ChatSocket } from './socket-types.js';
import { RateLimits } from '../../common/rate-limit/rate-limits.service.js';

/** How often this process looks for sockets of dead processes (Redis presence only). */
const SWEEP_INTERVAL_MS = 2000;
/** Frames written per turn of the event loop, so a storm's flush never stalls it. */
const FRAMES_PER_TURN = 500;
const WATCH_PREFIX = watchRoom('');

/**
 * The presence lifecycle and every presence broadcast, in one place. Sockets connect, join and
 * leave conversations and disconnect (or die with their process); the store records it and
 * keeps a feed of what changed. Nothing is broadcast per change: every PRESENCE_FLUSH_MS each
 * process reads the feed once (one Redis round trip) and sends each of its sockets at most one
 * `presence:changed` for the users it watches and one per conversation it reads.
 */
@Injectable()
export class PresenceLifecycle implements OnModuleDestroy {
  private server: ChatServer | null = null;
  private readonly logger = new Logger('PresenceLifecycle');
  private sweeper: NodeJS.Timeout | null = null;
  private flusher: NodeJS.Timeout | null = null;
  private flushing = false;
  private cursor = -1;
  private handedOver = false;

  constructor(
    private readonly presence: PresenceService,
    private readonly users: UsersService,
    @InjectConfig() private readonly config: AppConfig,
    private readonly limits: RateLimits,
  ) {}

  start(server: ChatServer): void {
    this.server = server;
    this.sweeper = setInterval(() => void this.sweepDeadProcesses(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
    this.flusher = setInterval(() => void this.flush(), this.config.PRESENCE_FLUSH_MS);
    this.flusher.unref();
  }

  onModuleDestroy(): void {
    this.stopTimers();
  }

  async connected(socket: ChatSocket): Promise<void> {
    await this.presence.connect(socket.id, socket.data.presenceUser);
  }

  async disconnected(socket: ChatSocket): Promise<void> {
    // Handed over at shutdown: the entry expires, or the sweep of a survivor removes it.
    if (this.handedOver) return;
    const { user, userChanged } = await this.presence.disconnect(socket.id);
    // Guests have no row; for them this updates nothing.
    if (user && userChanged) void this.users.touchLastSeen(user.id).catch(() => undefined);
  }

  /** The socket now reads the conversation; the others there hear of it in the next frame. */
  async joined(socket: ChatSocket, conversationId: string): Promise<void> {
    await this.presence.join(socket.id, conversationId);
  }

  async left(socket: ChatSocket, conversationId: string): Promise<void> {
    await this.presence.leave(socket.id, conversationId);
  }

  /** A member who left a room is no longer present there, on any socket or process. */
  async removed(conversationId: string, userId: string): Promise<void> {
    await this.presence.removeUser(conversationId, userId);
  }

  /** Who is here: the exact count and at most `presenceListedMax` of them. */
  presentIn(conversationId: string): Promise<Present> {
    return this.presence.presentIn(conversationId, LIMITS.presenceListedMax);
  }

  /** `presence:watch`: the socket now shows exactly these users; who of them is online. */
  async watch(socket: ChatSocket, userIds: string[]): Promise<PresenceWatchResult> {
    // Each watch joins and leaves up to 400 rooms and reads 400 presences.
    await this.limits.consume('presenceWatch', socket.id);
    const wanted = new Set(userIds);
    for (const room of socket.rooms) {
      if (room.startsWith(WATCH_PREFIX) && !wanted.has(room.slice(WATCH_PREFIX.length))) {
        void socket.leave(room);
      }
    }
    void socket.join([...wanted].map(watchRoom));
    // The answer may be newer than the feed this process has read: a change it already shows
    // still comes as a frame later, which says the same again (frames are idempotent sets).
    const online = await this.presence.onlineAmong([...wanted]);
    return { online: userIds.filter((id) => online.has(id)) };
  }

  /**
   * Shutdown: no more presence is removed from here (see PresenceService.handOver) and no more
   * frames go out; the sockets are about to be told to reconnect elsewhere.
   */
  async handOver(): Promise<void> {
    this.handedOver = true;
    this.stopTimers();
    await this.presence.handOver();
  }

  /** One read of the feed, at most one frame per socket (and per conversation) for all of it. */
  async flush(): Promise<void> {
    if (this.flushing || !this.server) return;
    this.flushing = true;
    try {
      const changes = await this.presence.changesSince(this.cursor);
      this.cursor = changes.cursor;
      if (changes.lost) changes.users.push(...(await this.everyWatchedUser()));
      await this.send(this.userFrames(changes), await this.conversationFrames(changes));
    } catch (error) {
      this.logger.warn(`Presence flush failed: ${(error as Error).message}`);
    } finally {
      this.flushing = false;
    }
  }

  private userFrames({ users }: PresenceChanges): Map<string, UserPresenceChanged> {
    const rooms = this.server!.of('/').adapter.rooms;
    // Each user's state at the end of this read: gone and back within it says "online" once.
    // Every change read is sent, even one that a watcher's own watch answer already showed:
    // suppressing "no change" per process cannot know what each watcher was told.
    const latest = new Map<string, boolean>();
    for (const { userId, online } of users) latest.set(userId, online);
    const frames = new Map<string, UserPresenceChanged>();
    for (const [userId, online] of latest) {
      const watchers = rooms.get(watchRoom(userId));
      if (!watchers?.size) continue;
      for (const socketId of watchers) {
        let frame = frames.get(socketId);
        if (!frame) frames.set(socketId, (frame = { online: [], offline: [] }));
        (online ? frame.online : frame.offline).push(userId);
      }
    }
    return frames;
  }

  private async conversationFrames({
    conversations,
  }: PresenceChanges): Promise<ConversationPresenceChanged[]> {
    const rooms = this.server!.of('/').adapter.rooms;
    const frames = new Map<string, ConversationPresenceChanged>();
    for (const { conversationId, userId, user } of conversations) {
      if (!rooms.has(conversationRoom(conversationId))) continue; // nobody reads it here
      let frame = frames.get(conversationId);
      if (!frame) {
        frames.set(conversationId, (frame = { conversationId, joined: [], left: [], count: 0 }));
      }
      if (!user) frame.left.push(userId);
      // Beyond the listed maximum the count alone says it: a storm into general must not make
      // every frame carry everyone who arrived.
      else if (frame.joined.length < LIMITS.presenceListedMax) frame.joined.push(user);
    }
    if (frames.size === 0) return [];
    const counts = await this.presence.countIn([...frames.keys()]);
    for (const frame of frames.values()) frame.count = counts.get(frame.conversationId) ?? 0;
    return [...frames.values()];
  }

  private async send(
    userFrames: Map<string, UserPresenceChanged>,
    conversationFrames: ConversationPresenceChanged[],
  ): Promise<void> {
    const server = this.server!;
    // Every process reads the same feed, so each tells only its own sockets.
    for (const frame of conversationFrames) {
      server.local.to(conversationRoom(frame.conversationId)).emit('presence:changed', frame);
    }
    const sockets = server.of('/').sockets;
    let written = 0;
    for (const [socketId, frame] of userFrames) {
      sockets.get(socketId)?.emit('presence:changed', frame);
      if (++written % FRAMES_PER_TURN === 0) await new Promise(setImmediate);
    }
  }

  /** After a gap in the feed: every user some socket here watches, as they are now. */
  private async everyWatchedUser(): Promise<PresenceChanges['users']> {
    const userIds = [...this.server!.of('/').adapter.rooms.keys()]
      .filter((room) => room.startsWith(WATCH_PREFIX))
      .map((room) => room.slice(WATCH_PREFIX.length));
    const online = await this.presence.onlineAmong(userIds);
    return userIds.map((userId) => ({ userId, online: online.has(userId) }));
  }

  /** Users of a process that died drop offline by themselves; a survivor records it. */
  private async sweepDeadProcesses(): Promise<void> {
    try {
      for (const { user, userChanged } of await this.presence.sweepExpired()) {
        if (userChanged) void this.users.touchLastSeen(user.id).catch(() => undefined);
      }
    } catch (error) {
      this.logger.warn(`Presence sweep failed: ${(error as Error).message}`);
    }
  }

  private stopTimers(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    if (this.flusher) clearInterval(this.flusher);
    this.sweeper = this.flusher = null;
  }
}
