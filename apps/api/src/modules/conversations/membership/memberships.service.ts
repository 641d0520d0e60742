import type { MemberRole } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppError } from '../../../common/errors/app-error.js';
import type { ReadMarker } from '../../messages/index.js';
import { ConversationMemberEntity } from '../conversation-member.entity.js';
import type { ConversationEntity } from '../conversation.entity.js';

/** Who belongs to which conversation, and how far each member has read. */
@Injectable()
export class Memberships {
  constructor(
    @InjectRepository(ConversationMemberEntity)
    private readonly members: Repository<ConversationMemberEntity>,
  ) {}

  /**
   * Adds a member; `created` is false when they already were one. A user banned from the
   * conversation is refused by the insert itself, under the conversation row's key-share lock:
   * a ban takes that row FOR UPDATE first, so either it committed before (and the NOT EXISTS
   * sees it) or it waits for this insert and then removes the membership it finds.
   */
  async add(conversationId: string, userId: string, role: MemberRole = 'member') {
    return this.members.manager.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM conversations WHERE id = $1 FOR KEY SHARE`, [conversationId]);
      const inserted: unknown[] = await tx.query(
        `INSERT INTO conversation_members (conversation_id, user_id, role, last_read_seq)
         SELECT $1, $2, $3, 0
         WHERE NOT EXISTS (SELECT 1 FROM room_bans WHERE conversation_id = $1 AND user_id = $2)
         ON CONFLICT DO NOTHING
         RETURNING user_id`,
        [conversationId, userId, role],
      );
      const membership = await tx.findOneBy(ConversationMemberEntity, { conversationId, userId });
      if (!membership) throw new AppError('FORBIDDEN', 'You are banned from this room');
      return { membership, created: inserted.length > 0 };
    });
  }

  async remove(conversationId: string, userId: string): Promise<boolean> {
    const result = await this.members.delete({ conversationId, userId });
    return Boolean(result.affected);
  }

  /** Whether the user holds `role` in the conversation (one indexed row, not the member list). */
  hasRole(conversationId: string, userId: string, role: MemberRole): Promise<boolean> {
    return this.members.existsBy({ conversationId, userId, role });
  }

  find(conversationId: string, userId: string): Promise<ConversationMemberEntity | null> {
    return this.members.findOneBy({ conversationId, userId });
  }

  /** The user's role in the conversation, or null when they are not a member. */
  async roleOf(conversationId: string, userId: string): Promise<MemberRole | null> {
    const member = await this.members.findOneBy({ conversationId, userId });
    return member?.role ?? null;
  }

  /** The user's role in each of these conversations they belong to. */
  async rolesOf(userId: string, conversationIds: string[]): Promise<Map<string, MemberRole>> {
    if (conversationIds.length === 0) return new Map();
    const rows: Array<{ id: string; role: MemberRole }> = await this.members.query(
      `SELECT conversation_id AS id, role FROM conversation_members
       WHERE user_id = $1 AND conversation_id = ANY($2::uuid[])`,
      [userId, conversationIds],
    );
    return new Map(rows.map((row) => [row.id, row.role]));
  }

  /** Sets a member's role; false when they are not a member. */
  async setRole(conversationId: string, userId: string, role: MemberRole): Promise<boolean> {
    const result = await this.members.update({ conversationId, userId }, { role });
    return Boolean(result.affected);
  }

  /** Hands the conversation over: `to` becomes owner, `from` a moderator, together. */
  async transferOwnership(conversationId: string, from: string, to: string): Promise<void> {
    await this.members.manager.transaction(async (tx) => {
      await tx.update(
        ConversationMemberEntity,
        { conversationId, userId: from },
        {
          role: 'moderator',
        },
      );
      await tx.update(ConversationMemberEntity, { conversationId, userId: to }, { role: 'owner' });
    });
  }

  /**
   * Whose personal rooms get a message of this conversation and its changes besides its
   * subscribers (so unread badges and the sidebar move while it is not open): a thread's two
   * participants, a group's members; nobody for rooms and general.
   */
  async directRecipients(conversation: ConversationEntity): Promise<string[] | null> {
    if (conversation.kind === 'group') {
      const rows: Array<{ id: string }> = await this.members.query(
        `SELECT user_id AS id FROM conversation_members WHERE conversation_id = $1`,
        [conversation.id],
      );
      return rows.map((row) => row.id);
    }
    return conversation.directKey ? conversation.directKey.split(':') : null;
  }

  membersOf(conversationId: string): Promise<ConversationMemberEntity[]> {
    return this.members.find({ where: { conversationId }, order: { joinedAt: 'ASC' } });
  }

  /** Which of these users are members of the conversation. */
  async membersAmong(conversationId: string, userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: Array<{ id: string }> = await this.members.query(
      `SELECT user_id AS id FROM conversation_members
       WHERE conversation_id = $1 AND user_id = ANY($2::uuid[])`,
      [conversationId, userIds],
    );
    return rows.map((row) => row.id);
  }

  /** Member counts per conversation. */
  async countsOf(conversationIds: string[]): Promise<Map<string, number>> {
    if (conversationIds.length === 0) return new Map();
    const rows: Array<{ id: string; count: number }> = await this.members.query(
      `SELECT conversation_id AS id, count(*)::int AS count FROM conversation_members
       WHERE conversation_id = ANY($1::uuid[]) GROUP BY conversation_id`,
      [conversationIds],
    );
    return new Map(rows.map((row) => [row.id, row.count]));
  }

  /** Members of each conversation who are among `userIds` (those online). */
  async countsAmong(conversationIds: string[], userIds: string[]): Promise<Map<string, number>> {
    if (conversationIds.length === 0 || userIds.length === 0) return new Map();
    const rows: Array<{ id: string; count: number }> = await this.members.query(
      `SELECT conversation_id AS id, count(*)::int AS count FROM conversation_members
       WHERE conversation_id = ANY($1::uuid[]) AND user_id = ANY($2::uuid[])
       GROUP BY conversation_id`,
      [conversationIds, userIds],
    );
    return new Map(rows.map((row) => [row.id, row.count]));
  }

  /** Which of these conversations the user is a member of. */
  async membershipsOf(userId: string, conversationIds: string[]): Promise<Set<string>> {
    if (conversationIds.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.members.query(
      `SELECT conversation_id AS id FROM conversation_members
       WHERE user_id = $1 AND conversation_id = ANY($2::uuid[])`,
      [userId, conversationIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The members of each conversation, by conversation. */
  async membersByConversation(conversationIds: string[]): Promise<Map<string, string[]>> {
    const byConversation = new Map<string, string[]>();
    if (conversationIds.length === 0) return byConversation;
    const rows: Array<{ conversation_id: string; user_id: string }> = await this.members.query(
      `SELECT conversation_id, user_id FROM conversation_members
       WHERE conversation_id = ANY($1::uuid[]) ORDER BY joined_at, user_id`,
      [conversationIds],
    );
    for (const row of rows) {
      const list = byConversation.get(row.conversation_id) ?? [];
      list.push(row.user_id);
      byConversation.set(row.conversation_id, list);
    }
    return byConversation;
  }

  /** The user's read marker in each of these conversations they belong to. */
  async readMarkers(userId: string, conversationIds: string[]): Promise<ReadMarker[]> {
    if (conversationIds.length === 0) return [];
    const rows: Array<{ id: string; seq: string }> = await this.members.query(
      `SELECT conversation_id AS id, last_read_seq AS seq FROM conversation_members
       WHERE user_id = $1 AND conversation_id = ANY($2::uuid[])`,
      [userId, conversationIds],
    );
    return rows.map((row) => ({ conversationId: row.id, afterSeq: Number(row.seq) }));
  }

  /** Read marker: only moves forward, never past the newest message. */
  async markRead(conversationId: string, userId: string, seq: number): Promise<void> {
    await this.members
      .createQueryBuilder()
      .update()
      .set({
        lastReadSeq: () =>
          'LEAST(:seq::bigint, (SELECT last_seq FROM conversations WHERE id = :id))',
      })
      .where('conversation_id = :id AND user_id = :userId AND last_read_seq < :seq', {
        id: conversationId,
        userId,
        seq,
      })
      .execute();
  }
}
