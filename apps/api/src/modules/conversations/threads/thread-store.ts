import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ConversationMemberEntity } from '../conversation-member.entity.js';
import { ConversationEntity } from '../conversation.entity.js';

/** The rows behind private threads: one conversation per pair of users. */
@Injectable()
export class ThreadStore {
  constructor(
    @InjectRepository(ConversationEntity)
    private readonly conversations: Repository<ConversationEntity>,
  ) {}

  /** The one thread of a pair of users, created with both memberships if missing. */
  async getOrCreate(userId: string, otherUserId: string) {
    const directKey = [userId, otherUserId].sort().join(':');
    const existing = await this.conversations.findOneBy({ directKey });
    if (existing) return { conversation: existing, created: false };
    return this.conversations.manager.transaction(async (tx) => {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(ConversationEntity)
        .values({ kind: 'direct', name: 'Direct', directKey })
        .orIgnore()
        .returning('id')
        .execute();
      const created = (inserted.raw as Array<{ id: string }>).length > 0;
      const conversation = await tx.findOneByOrFail(ConversationEntity, { directKey });
      if (created) {
        await tx.insert(ConversationMemberEntity, [
          { conversationId: conversation.id, userId, role: 'member', lastReadSeq: 0 },
          { conversationId: conversation.id, userId: otherUserId, role: 'member', lastReadSeq: 0 },
        ]);
      }
      return { conversation, created };
    });
  }

  /** The user's threads and groups, newest activity first. */
  listOf(userId: string): Promise<ConversationEntity[]> {
    return this.conversations
      .createQueryBuilder('c')
      .innerJoin(
        ConversationMemberEntity,
        'm',
        'm.conversation_id = c.id AND m.user_id = :userId',
        { userId },
      )
      .where(`c.kind IN ('direct', 'group')`)
      .orderBy('c.last_message_at', 'DESC', 'NULLS LAST')
      .addOrderBy('c.created_at', 'DESC')
      .getMany();
  }
}

/** Both participants of a thread (its key is their two ids); null for other conversations. */
export function threadParticipants(conversation: ConversationEntity): string[] | null {
  return conversation.directKey ? conversation.directKey.split(':') : null;
}
