import type { MemberRole } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { ConversationMemberEntity } from './conversation-member.entity.js';
import { ConversationEntity } from './conversation.entity.js';

const UNIQUE_VIOLATION = '23505';

/** Creating conversations and changing who belongs to them. */
@Injectable()
export class ConversationStore {
  constructor(
    @InjectRepository(ConversationEntity)
    private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(ConversationMemberEntity)
    private readonly members: Repository<ConversationMemberEntity>,
  ) {}

  /** General first, then rooms by latest activity. */
  listPublic(): Promise<ConversationEntity[]> {
    return this.conversations
      .createQueryBuilder('c')
      .where(`c.kind IN ('general', 'room')`)
      .orderBy(`c.kind = 'general'`, 'DESC')
      .addOrderBy('c.last_message_at', 'DESC', 'NULLS LAST')
      .addOrderBy('c.name', 'ASC')
      .getMany();
  }

  /** General or a room, by slug. */
  findBySlug(slug: string): Promise<ConversationEntity | null> {
    return this.conversations.findOneBy({ slug });
  }

  /** A room and its owner's membership, together or not at all; 409 SLUG_TAKEN on a clash. */
  async createRoom(input: { name: string; slug: string; topic: string | null; ownerId: string }) {
    try {
      return await this.conversations.manager.transaction(async (tx) => {
        const created = await tx.insert(ConversationEntity, {
          kind: 'room',
          name: input.name,
          slug: input.slug,
          topic: input.topic,
          createdBy: input.ownerId,
        });
        const id = created.identifiers[0]!.id as string;
        await tx.insert(ConversationMemberEntity, {
          conversationId: id,
          userId: input.ownerId,
          role: 'owner',
          lastReadSeq: 0,
        });
        return tx.findOneByOrFail(ConversationEntity, { id });
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new AppError('SLUG_TAKEN', `A room called "${input.slug}" already exists`, [
          { path: 'name', message: 'a room with this name already exists' },
        ]);
      }
      throw error;
    }
  }

  /** Adds a member; `created` is false when they already were one. */
  async addMember(conversationId: string, userId: string, role: MemberRole = 'member') {
    const inserted = await this.members
      .createQueryBuilder()
      .insert()
      .values({ conversationId, userId, role, lastReadSeq: 0 })
      .orIgnore()
      // Without RETURNING, raw is empty whether or not a row went in.
      .returning('user_id')
      .execute();
    const membership = await this.members.findOneByOrFail({ conversationId, userId });
    return { membership, created: (inserted.raw as unknown[]).length > 0 };
  }

  async removeMember(conversationId: string, userId: string): Promise<boolean> {
    const result = await this.members.delete({ conversationId, userId });
    return Boolean(result.affected);
  }

  membersOf(conversationId: string): Promise<ConversationMemberEntity[]> {
    return this.members.find({ where: { conversationId }, order: { joinedAt: 'ASC' } });
  }

  /** The one thread of a pair of users, created with both memberships if missing. */
  async getOrCreateDirect(userId: string, otherUserId: string) {
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

  /** Which of these conversations the user is a member of. */
  async membershipsOf(userId: string, conversationIds: string[]): Promise<Set<string>> {
    if (conversationIds.length === 0) return new Set();
    const rows = await this.members
      .createQueryBuilder('m')
      .select('m.conversation_id', 'id')
      .where('m.user_id = :userId AND m.conversation_id IN (:...ids)', {
        userId,
        ids: conversationIds,
      })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /** The user's threads, newest activity first. */
  directsOf(userId: string): Promise<ConversationEntity[]> {
    return this.conversations
      .createQueryBuilder('c')
      .innerJoin(
        ConversationMemberEntity,
        'm',
        'm.conversation_id = c.id AND m.user_id = :userId',
        { userId },
      )
      .where(`c.kind = 'direct'`)
      .orderBy('c.last_message_at', 'DESC', 'NULLS LAST')
      .addOrderBy('c.created_at', 'DESC')
      .getMany();
  }

  /** Messages from others after the user's read marker, per conversation. */
  async unreadCounts(userId: string, conversationIds: string[]): Promise<Map<string, number>> {
    if (conversationIds.length === 0) return new Map();
    const rows: Array<{ id: string; unread: number }> = await this.conversations.manager.query(
      `SELECT m.conversation_id AS id, count(msg.id)::int AS unread
       FROM conversation_members m
       LEFT JOIN messages msg ON msg.conversation_id = m.conversation_id
         AND msg.seq > m.last_read_seq AND msg.sender_id <> m.user_id
       WHERE m.user_id = $1 AND m.conversation_id = ANY($2::uuid[])
       GROUP BY m.conversation_id`,
      [userId, conversationIds],
    );
    return new Map(rows.map((row) => [row.id, row.unread]));
  }

  /** The other participant of each thread. */
  async otherParticipants(userId: string, conversationIds: string[]): Promise<Map<string, string>> {
    if (conversationIds.length === 0) return new Map();
    const rows: Array<{ conversation_id: string; user_id: string }> = await this.members
      .createQueryBuilder('m')
      .select(['m.conversation_id AS conversation_id', 'm.user_id AS user_id'])
      .where('m.conversation_id IN (:...ids) AND m.user_id <> :userId', {
        ids: conversationIds,
        userId,
      })
      .getRawMany();
    return new Map(rows.map((row) => [row.conversation_id, row.user_id]));
  }
}
