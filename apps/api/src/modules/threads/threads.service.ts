import type { Thread } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AppError } from '../../common/errors/app-error.js';
import { ConversationStore } from '../conversations/conversation-store.service.js';
import type { ConversationEntity } from '../conversations/conversation.entity.js';
import { MessagesService } from '../messages/messages.service.js';
import { UsersService } from '../users/users.service.js';
import { THREAD_CREATED, type ThreadCreatedEvent } from './threads.events.js';

/** Private 1:1 threads: one per pair of users, created on first open. */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly store: ConversationStore,
    private readonly messages: MessagesService,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
  ) {}

  async list(userId: string): Promise<Thread[]> {
    return this.describe(userId, await this.store.directsOf(userId));
  }

  /** The thread with `otherUserId`; `created` tells the controller 201 from 200. */
  async open(userId: string, otherUserId: string): Promise<{ thread: Thread; created: boolean }> {
    if (otherUserId === userId) {
      throw new AppError('VALIDATION', 'You cannot open a thread with yourself', [
        { path: 'userId', message: 'must be another user' },
      ]);
    }
    await this.users.getEntity(otherUserId); // 404 for an unknown user
    const { conversation, created } = await this.store.getOrCreateDirect(userId, otherUserId);
    const [thread] = await this.describe(userId, [conversation]);
    if (created) {
      const [theirs] = await this.describe(otherUserId, [conversation]);
      const event: ThreadCreatedEvent = { recipientId: otherUserId, thread: theirs! };
      this.events.emit(THREAD_CREATED, event);
    }
    return { thread: thread!, created };
  }

  /** Threads as `userId` sees them: the other user, the last message, the unread count. */
  private async describe(userId: string, conversations: ConversationEntity[]): Promise<Thread[]> {
    const ids = conversations.map((c) => c.id);
    const [others, unread, latest] = await Promise.all([
      this.store.otherParticipants(userId, ids),
      this.store.unreadCounts(userId, ids),
      this.messages.latestOf(ids),
    ]);
    const users = await this.users.toPublic(
      await this.users.findEntities([...new Set(others.values())]),
    );
    const usersById = new Map(users.map((user) => [user.id, user]));
    return conversations.flatMap((conversation) => {
      const otherUser = usersById.get(others.get(conversation.id) ?? '');
      if (!otherUser) return [];
      return [
        {
          id: conversation.id,
          otherUser,
          lastMessage: latest.get(conversation.id) ?? null,
          unread: unread.get(conversation.id) ?? 0,
        },
      ];
    });
  }
}
