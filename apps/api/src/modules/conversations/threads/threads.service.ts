import type { Thread } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AppError } from '../../../common/errors/app-error.js';
import { MessagesService } from '../../messages/index.js';
import { UsersService } from '../../users/index.js';
import type { ConversationEntity } from '../conversation.entity.js';
import { Memberships } from '../membership/memberships.service.js';
import { ThreadStore } from './thread-store.js';
import { THREAD_CREATED, type ThreadCreatedEvent } from './threads.events.js';

/** Private 1:1 threads: one per pair of users, created on first open. */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly store: ThreadStore,
    private readonly memberships: Memberships,
    private readonly messages: MessagesService,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
  ) {}

  async list(userId: string): Promise<Thread[]> {
    return this.describe(userId, await this.store.listOf(userId));
  }

  /** The thread with `otherUserId`; `created` tells the controller 201 from 200. */
  async open(userId: string, otherUserId: string): Promise<{ thread: Thread; created: boolean }> {
    if (otherUserId === userId) {
      throw new AppError('VALIDATION', 'You cannot open a thread with yourself', [
        { path: 'userId', message: 'must be another user' },
      ]);
    }
    await this.users.getPublicById(otherUserId); // 404 for an unknown user
    const { conversation, created } = await this.store.getOrCreate(userId, otherUserId);
    const [thread] = await this.describe(userId, [conversation]);
    if (created) {
      const [theirs] = await this.describe(otherUserId, [conversation]);
      const event: ThreadCreatedEvent = { recipientId: otherUserId, thread: theirs! };
      this.events.emit(THREAD_CREATED, event);
    }
    return { thread: thread!, created };
  }

  /** Threads and groups as `userId` sees them: the other user (direct) or the members, the last message, the unread and mention counts. */
  async describe(userId: string, conversations: ConversationEntity[]): Promise<Thread[]> {
    const ids = conversations.map((c) => c.id);
    const [members, unread, latest] = await Promise.all([
      this.memberships.membersByConversation(ids),
      this.memberships
        .readMarkers(userId, ids)
        .then((markers) => this.messages.unreadCounts(userId, markers)),
      this.messages.latestOf(ids),
    ]);
    const users = await this.users.findPublic([...new Set([...members.values()].flat())]);
    const usersById = new Map(users.map((user) => [user.id, user]));
    return conversations.flatMap((conversation) => {
      const people = (members.get(conversation.id) ?? []).flatMap((id) => usersById.get(id) ?? []);
      const group = conversation.kind === 'group';
      const otherUser = group ? null : (people.find((user) => user.id !== userId) ?? null);
      if (!group && !otherUser) return [];
      return [
        {
          id: conversation.id,
          kind: group ? ('group' as const) : ('direct' as const),
          otherUser,
          members: people,
          ...(group ? { name: conversation.name } : {}),
          lastMessage: latest.get(conversation.id) ?? null,
          unread: unread.get(conversation.id)?.unread ?? 0,
          mentionCount: unread.get(conversation.id)?.mentions ?? 0,
        },
      ];
    });
  }
}
