import type { PublicUser } from '@chat/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { MESSAGE_CREATED, type MessageCreatedEvent } from '../messages/messages.events.js';
import { ROOM_MEMBER_LEFT, type RoomMemberLeftEvent } from '../rooms/rooms.events.js';
import { THREAD_CREATED, type ThreadCreatedEvent } from '../threads/threads.events.js';
import { PresenceService } from '../users/presence/presence.service.js';
import { USER_UPDATED } from '../users/users.events.js';
import { conversationRoom, userRoom, type ChatServer } from './socket-types.js';

/** Turns domain events into socket broadcasts. The server is set by RealtimeModule at init. */
@Injectable()
export class RealtimeFanout {
  private server: ChatServer | null = null;
  private readonly logger = new Logger('RealtimeFanout');

  constructor(private readonly presence: PresenceService) {}

  attach(server: ChatServer): void {
    this.server = server;
  }

  /** One emit for all rooms: Socket.IO delivers once per socket however many rooms match. */
  @OnEvent(MESSAGE_CREATED)
  messageCreated({ message, directUserIds, originSocketId }: MessageCreatedEvent): void {
    if (!this.server) return;
    const rooms = [
      conversationRoom(message.conversationId),
      ...(directUserIds ?? []).map(userRoom),
    ];
    const target = this.server.to(rooms);
    (originSocketId ? target.except(originSocketId) : target).emit('message:new', message);
  }

  @OnEvent(THREAD_CREATED)
  threadCreated({ recipientId, thread }: ThreadCreatedEvent): void {
    this.server?.to(userRoom(recipientId)).emit('thread:new', { thread });
  }

  @OnEvent(USER_UPDATED)
  userUpdated(user: PublicUser): void {
    this.server?.emit('user:updated', user);
  }

  /**
   * A user who left a room: their sockets, on every process, stop receiving it, and they stop
   * being present there.
   */
  @OnEvent(ROOM_MEMBER_LEFT)
  async memberLeft({ conversationId, userId }: RoomMemberLeftEvent): Promise<void> {
    if (!this.server) return;
    const room = conversationRoom(conversationId);
    try {
      this.server.in(userRoom(userId)).socketsLeave(room);
      const user = await this.presence.removeUser(conversationId, userId);
      if (user) this.server.to(room).emit('presence:leave', { conversationId, user });
    } catch (error) {
      this.logger.error(
        { err: error, conversationId, userId },
        'Could not unsubscribe a member who left',
      );
    }
  }
}
