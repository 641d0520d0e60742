import { LIMITS, type Conversation, type CreateGroupBody } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppError, notFound } from '../../../common/errors/app-error.js';
import { RateLimits } from '../../../common/rate-limit/rate-limits.service.js';
import { UsersService } from '../../users/index.js';
import { ConversationMemberEntity } from '../conversation-member.entity.js';
import { ConversationEntity } from '../conversation.entity.js';
import { ConversationSummaries } from '../conversation-summaries.service.js';
import { Memberships } from '../membership/memberships.service.js';
import { MessagePosting } from '../posting/message-posting.service.js';
import { ROOM_MEMBER_LEFT, type RoomMemberLeftEvent } from '../rooms/rooms.events.js';
import { THREAD_CREATED, type ThreadCreatedEvent } from '../threads/threads.events.js';
import { ThreadsService } from '../threads/threads.service.js';

/**
 * Group conversations: private like threads (404 to outsiders), 3–50 people, no roles: any
 * member adds people, renames, or leaves. The last one out deletes the group with its history
 * (nobody could read it any more).
 */
@Injectable()
export class GroupsService {
  constructor(
    @InjectRepository(ConversationEntity)
    private readonly conversations: Repository<ConversationEntity>,
    private readonly memberships: Memberships,
    private readonly summaries: ConversationSummaries,
    private readonly posting: MessagePosting,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
    private readonly limits: RateLimits,
    private readonly threads: ThreadsService,
  ) {}

  async create(creatorId: string, body: CreateGroupBody): Promise<Conversation> {
    const others = [...new Set(body.userIds)].filter((id) => id !== creatorId);
    const size = others.length + 1;
    if (size < LIMITS.groupMembersMin || size > LIMITS.groupMembersMax)
      throw new AppError(
        'VALIDATION',
        `A group has ${LIMITS.groupMembersMin} to ${LIMITS.groupMembersMax} people, you included`,
        [
          {
            path: 'userIds',
            message: `must name ${LIMITS.groupMembersMin - 1} to ${LIMITS.groupMembersMax - 1} other people`,
          },
        ],
      );
    await this.limits.consume('groupCreate', creatorId);
    if ((await this.users.findPublic(others)).length !== others.length) throw notFound('User');
    const group = await this.conversations.manager.transaction(async (tx) => {
      const created = await tx.insert(ConversationEntity, {
        kind: 'group',
        name: body.name ?? '',
        createdBy: creatorId,
      });
      const id = created.identifiers[0]!.id as string;
      await tx.insert(
        ConversationMemberEntity,
        [creatorId, ...others].map((userId) => ({
          conversationId: id,
          userId,
          role: 'member' as const,
          lastReadSeq: 0,
        })),
      );
      return tx.findOneByOrFail(ConversationEntity, { id });
    });
    await this.announce(group, others);
    return this.summaries.withCount(group, creatorId);
  }

  /** Any member adds someone; adding a member twice changes nothing. */
  async add(actorId: string, groupId: string, userId: string): Promise<Conversation> {
    await this.limits.consume('roomMembership', actorId);
    const group = await this.memberGroup(actorId, groupId);
    const user = await this.users.getPublicById(userId);
    if ((await this.memberships.roleOf(group.id, userId)) === null) {
      const counts = await this.memberships.countsOf([group.id]);
      if ((counts.get(group.id) ?? 0) >= LIMITS.groupMembersMax)
        throw new AppError('CONFLICT', `A group holds at most ${LIMITS.groupMembersMax} people`);
      const { created } = await this.memberships.add(group.id, userId);
      if (created) {
        await this.line(group, actorId, `${await this.nameOf(actorId)} added ${user.displayName}`);
        await this.announce(group, [userId]);
      }
    }
    return this.summaries.withCount(group, actorId);
  }

  /** Leaves; the last member leaving deletes the group and its history. */
  async leave(userId: string, groupId: string): Promise<void> {
    await this.limits.consume('roomMembership', userId);
    const group = await this.memberGroup(userId, groupId);
    const counts = await this.memberships.countsOf([group.id]);
    if ((counts.get(group.id) ?? 0) <= 1) {
      await this.conversations.delete({ id: group.id, kind: 'group' });
    } else {
      await this.line(group, userId, `${await this.nameOf(userId)} left`);
      await this.memberships.remove(group.id, userId);
    }
    // Their open sockets stop receiving the group, on every process.
    this.events.emit(ROOM_MEMBER_LEFT, {
      conversationId: group.id,
      userId,
      reason: 'left',
    } satisfies RoomMemberLeftEvent);
  }

  async rename(actorId: string, groupId: string, name: string): Promise<Conversation> {
    await this.limits.consume('moderation', actorId);
    const group = await this.memberGroup(actorId, groupId);
    if (name !== group.name) {
      await this.line(group, actorId, `${await this.nameOf(actorId)} renamed the group to ${name}`);
      await this.conversations.update({ id: group.id }, { name });
    }
    return this.summaries.withCount(
      await this.conversations.findOneByOrFail({ id: group.id }),
      actorId,
    );
  }

  /** The group, if the caller is in it; to anyone else it does not exist. */
  private async memberGroup(userId: string, groupId: string): Promise<ConversationEntity> {
    const group = await this.conversations.findOneBy({ id: groupId, kind: 'group' });
    if (!group || (await this.memberships.roleOf(group.id, userId)) === null)
      throw notFound('Conversation');
    return group;
  }

  /** `thread:new` to each person now in the group, so their sidebar shows it at once. */
  private async announce(group: ConversationEntity, userIds: string[]): Promise<void> {
    for (const recipientId of userIds) {
      const [thread] = await this.threads.describe(recipientId, [group]);
      if (thread)
        this.events.emit(THREAD_CREATED, { recipientId, thread } satisfies ThreadCreatedEvent);
    }
  }

  private async nameOf(userId: string): Promise<string> {
    return (await this.users.getPublicById(userId)).displayName;
  }

  private line(group: ConversationEntity, actorId: string, text: string) {
    return this.posting.postSystem(group.id, { kind: 'user', id: actorId }, text);
  }
}
