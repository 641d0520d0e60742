import type { PresenceUser } from '@chat/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PresenceService, type PresenceChange } from '../presence/index.js';
import { UsersService } from '../users/index.js';
import { conversationRoom, type ChatServer, type ChatSocket } from './socket-types.js';

/** How often this process looks for sockets of dead processes (Redis presence only). */
const SWEEP_INTERVAL_MS = 2000;

/**
 * The presence lifecycle and every presence broadcast, in one place: a socket connects,
 * joins and leaves conversations, disconnects or dies with its process; others hear of it once
 * per user, however many tabs.
 */
@Injectable()
export class PresenceLifecycle implements OnModuleDestroy {
  private server: ChatServer | null = null;
  private readonly logger = new Logger('PresenceLifecycle');
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly presence: PresenceService,
    private readonly users: UsersService,
  ) {}

  start(server: ChatServer): void {
    this.server = server;
    this.sweeper = setInterval(() => void this.sweepDeadProcesses(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  async connected(socket: ChatSocket): Promise<void> {
    const user = socket.data.presenceUser;
    const { userChanged } = await this.presence.connect(socket.id, user);
    if (userChanged && user) socket.broadcast.emit('user:online', { userId: user.id });
  }

  async disconnected(socket: ChatSocket): Promise<void> {
    const { user, ...change } = await this.presence.disconnect(socket.id);
    if (user) this.announceDeparture(user, change);
  }

  /** The socket now reads the conversation; the others there see its person arrive. */
  async joined(socket: ChatSocket, conversationId: string): Promise<void> {
    const firstHere = await this.presence.join(socket.id, conversationId);
    const user = socket.data.presenceUser;
    if (firstHere && user) {
      socket.to(conversationRoom(conversationId)).emit('presence:join', { conversationId, user });
    }
  }

  async left(socket: ChatSocket, conversationId: string): Promise<void> {
    const lastHere = await this.presence.leave(socket.id, conversationId);
    const user = socket.data.presenceUser;
    if (lastHere && user) this.emitLeave(conversationId, user);
  }

  /** A member who left a room is no longer present there, on any socket or process. */
  async removed(conversationId: string, userId: string): Promise<void> {
    const user = await this.presence.removeUser(conversationId, userId);
    if (user) this.emitLeave(conversationId, user);
  }

  presentIn(conversationId: string): Promise<PresenceUser[]> {
    return this.presence.presentIn(conversationId);
  }

  /** Users of a process that died drop offline by themselves; a survivor tells everyone. */
  private async sweepDeadProcesses(): Promise<void> {
    try {
      for (const { user, ...change } of await this.presence.sweepExpired()) {
        this.announceDeparture(user, change);
      }
    } catch (error) {
      this.logger.warn(`Presence sweep failed: ${(error as Error).message}`);
    }
  }

  private announceDeparture(user: PresenceUser, change: PresenceChange): void {
    for (const conversationId of change.conversationsChanged) this.emitLeave(conversationId, user);
    if (change.userChanged) {
      this.server?.emit('user:offline', { userId: user.id });
      // Guests have no row; for them this updates nothing.
      void this.users.touchLastSeen(user.id).catch(() => undefined);
    }
  }

  private emitLeave(conversationId: string, user: PresenceUser): void {
    this.server
      ?.to(conversationRoom(conversationId))
      .emit('presence:leave', { conversationId, user });
  }
}
