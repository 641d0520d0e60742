import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ROOM_DELETED,
  ROOM_MEMBER_LEFT,
  THREAD_CREATED,
  type RoomDeletedEvent,
  type RoomMemberLeftEvent,
  type ThreadCreatedEvent,
} from '../conversations/index.js';
import {
  MESSAGE_CREATED,
  MESSAGE_UPDATED,
  type MessageCreatedEvent,
  type MessageUpdatedEvent,
} from '../messages/index.js';
import { USER_UPDATED, type UserUpdatedEvent } from '../users/index.js';
import { PresenceLifecycle } from './presence-lifecycle.js';
import { conversationRoom, userRoom, watchRoom, type ChatServer } from './socket-types.js';

/** Turns domain events into socket broadcasts. The server is set by RealtimeModule at init. */
@Injectable()
export class RealtimeFanout {
  private server: ChatServer | null = null;
  private readonly logger = new Logger('RealtimeFanout');

  constructor(private readonly presence: PresenceLifecycle) {}

  attach(server: ChatServer): void {
    this.server = server;
  }

  /** One emit for all rooms: Socket.IO delivers once per socket however many rooms match. */
  @OnEvent(MESSAGE_CREATED)
  messageCreated({ message, directUserIds, originSocketId }: MessageCreatedEvent): void {
    this.audience(message, directUserIds, originSocketId)?.emit('message:new', message);
    this.mentioned(message, message.mentions);
  }

  /** An edit, delete or reaction reaches whoever would have received the message itself. */
  @OnEvent(MESSAGE_UPDATED)
  messageUpdated({
    message,
    directUserIds,
    originSocketId,
    newMentions,
  }: MessageUpdatedEvent): void {
    this.audience(message, directUserIds, originSocketId)?.emit('message:updated', message);
    this.mentioned(message, newMentions);
  }

  /**
   * Who receives a message and its changes: the conversation's subscribers and, for a thread,
   * its participants' personal rooms; not the acting socket, which has the ack.
   */
  private audience(
    message: MessageCreatedEvent['message'],
    directUserIds: string[] | null,
    originSocketId?: string,
  ) {
    if (!this.server) return null;
    const target = this.server.to([
      conversationRoom(message.conversationId),
      ...(directUserIds ?? []).map(userRoom),
    ]);
    return originSocketId ? target.except(originSocketId) : target;
  }

  /** To each mentioned user's personal room, open conversation or not (never to the sender). */
  private mentioned(message: MessageCreatedEvent['message'], userIds: string[]): void {
    const others = userIds.filter((id) => id !== message.sender.id);
    if (others.length === 0 || !this.server) return;
    this.server
      .to(others.map(userRoom))
      .emit('mention:new', { conversationId: message.conversationId, message });
  }

  @OnEvent(THREAD_CREATED)
  threadCreated({ recipientId, thread }: ThreadCreatedEvent): void {
    this.server?.to(userRoom(recipientId)).emit('thread:new', { thread });
  }

  /** To the sockets that show this user, and the user's own: O(watchers), not O(sockets). */
  @OnEvent(USER_UPDATED)
  userUpdated(user: UserUpdatedEvent): void {
    this.server?.to([watchRoom(user.id), userRoom(user.id)]).emit('user:updated', user);
  }

  /**
   * A user who left a room: their sockets, on every process, stop receiving it, and they stop
   * being present there.
   */
  @OnEvent(ROOM_MEMBER_LEFT)
  async memberLeft({ conversationId, userId, reason }: RoomMemberLeftEvent): Promise<void> {
    if (!this.server) return;
    const room = conversationRoom(conversationId);
    try {
      this.server.in(userRoom(userId)).socketsLeave(room);
      // Their other tabs drop it from the sidebar and leave its view (a kick or ban says so).
      this.server.to(userRoom(userId)).emit('conversation:removed', { conversationId, reason });
      await this.presence.removed(conversationId, userId);
    } catch (error) {
      this.logger.error(
        { err: error, conversationId, userId },
        'Could not unsubscribe a member who left',
      );
    }
  }

  /** A deleted room: every socket on every process stops receiving it. */
  @OnEvent(ROOM_DELETED)
  roomDeleted({ conversationId }: RoomDeletedEvent): void {
    const room = conversationRoom(conversationId);
    this.server?.to(room).emit('conversation:removed', { conversationId, reason: 'deleted' });
    this.server?.in(room).socketsLeave(room);
  }
}
