import type { Conversation } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { AppError, notFound, unauthorized } from '../../common/errors/app-error.js';
import type { MaybePrincipal, Principal } from '../auth/principal.js';
import { PresenceService } from '../users/presence/presence.service.js';
import { ConversationMemberEntity } from './conversation-member.entity.js';
import { ConversationEntity } from './conversation.entity.js';
import { toConversation } from './conversation-view.js';

const POSTING_CACHE_MAX = 10_000;

/** Conversations and who may use them (the rules are in `accessRefusal` below). */
@Injectable()
export class ConversationsService {
  private readonly postingCache = new Map<string, ConversationEntity>();

  constructor(
    @InjectRepository(ConversationEntity)
    private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(ConversationMemberEntity)
    private readonly members: Repository<ConversationMemberEntity>,
    private readonly presence: PresenceService,
  ) {}

  async getGeneral(): Promise<ConversationEntity> {
    const general = await this.conversations.findOneBy({ kind: 'general' });
    if (!general) throw new Error('The general conversation is missing: were migrations run?');
    return general;
  }

  /** The conversation, if the caller may read it (history, live subscription). */
  async getReadable(
    principal: MaybePrincipal,
    conversationId: string,
  ): Promise<ConversationEntity> {
    const conversation = await this.conversations.findOneBy({ id: conversationId });
    if (!conversation) throw notFound('Conversation');
    const member =
      conversation.kind !== 'general' && principal?.kind === 'user'
        ? await this.isMember(conversation.id, principal.id)
        : false;
    const refusal = accessRefusal(principal, conversation, member);
    if (refusal) throw refusal;
    return conversation;
  }

  /**
   * For each request, the conversation if the caller may post in it, or the error to answer.
   * Batched for the send path: the immutable part of each conversation comes from a cache and
   * memberships from one query, however many sends the batch holds.
   */
  async checkPostable(
    requests: Array<{ principal: Principal; conversationId: string }>,
  ): Promise<Array<ConversationEntity | AppError>> {
    const conversations = await this.postingView([
      ...new Set(requests.map((r) => r.conversationId)),
    ]);
    const needMembership = requests.filter(
      (r) => r.principal.kind === 'user' && conversations.get(r.conversationId)?.kind !== 'general',
    );
    const memberships = new Set<string>();
    if (needMembership.length > 0) {
      const rows: Array<{ key: string }> = await this.members.query(
        `SELECT m.conversation_id || ':' || m.user_id AS key
         FROM conversation_members m
         JOIN unnest($1::uuid[], $2::uuid[]) AS wanted(conversation_id, user_id)
           ON m.conversation_id = wanted.conversation_id AND m.user_id = wanted.user_id`,
        [needMembership.map((r) => r.conversationId), needMembership.map((r) => r.principal.id)],
      );
      for (const row of rows) memberships.add(row.key);
    }
    return requests.map(({ principal, conversationId }) => {
      const conversation = conversations.get(conversationId);
      if (!conversation) return notFound('Conversation');
      const member = memberships.has(`${conversationId}:${principal.id}`);
      return accessRefusal(principal, conversation, member) ?? conversation;
    });
  }

  /**
   * Conversations as the send path needs them: kind and thread key never change and
   * conversations are never deleted, so they are cached per process (seq and counts are not
   * read from here).
   */
  private async postingView(ids: string[]): Promise<Map<string, ConversationEntity>> {
    const missing = ids.filter((id) => !this.postingCache.has(id));
    if (missing.length > 0) {
      if (this.postingCache.size > POSTING_CACHE_MAX) this.postingCache.clear();
      for (const conversation of await this.conversations.findBy({ id: In(missing) })) {
        this.postingCache.set(conversation.id, conversation);
      }
    }
    return new Map(
      ids.flatMap((id) => {
        const conversation = this.postingCache.get(id);
        return conversation ? [[id, conversation] as const] : [];
      }),
    );
  }

  isMember(conversationId: string, userId: string): Promise<boolean> {
    return this.members.existsBy({ conversationId, userId });
  }

  findByIds(ids: string[]): Promise<ConversationEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.conversations.findBy({ id: In(ids) });
  }

  /** Conversations with member and online counts (general counts every user as a member). */
  async withCounts(entities: ConversationEntity[]): Promise<Conversation[]> {
    const ids = entities.map((c) => c.id);
    const [memberRows, online] = await Promise.all([
      ids.length === 0
        ? []
        : this.members
            .createQueryBuilder('m')
            .select('m.conversation_id', 'id')
            .addSelect('count(*)::int', 'count')
            .where('m.conversation_id IN (:...ids)', { ids })
            .groupBy('m.conversation_id')
            .getRawMany<{ id: string; count: number }>(),
      this.presence.countIn(ids),
    ]);
    const memberCounts = new Map(memberRows.map((row) => [row.id, row.count]));
    const everyone = entities.some((c) => c.kind === 'general')
      ? await this.conversations.manager.query<Array<{ count: number }>>(
          'SELECT count(*)::int AS count FROM users',
        )
      : [{ count: 0 }];
    return entities.map((entity) =>
      toConversation(entity, {
        memberCount:
          entity.kind === 'general' ? everyone[0]!.count : (memberCounts.get(entity.id) ?? 0),
        onlineCount: online.get(entity.id) ?? 0,
      }),
    );
  }

  async withCount(entity: ConversationEntity): Promise<Conversation> {
    const [conversation] = await this.withCounts([entity]);
    return conversation!;
  }

  /** Read marker: only moves forward, never past the newest message. */
  async markRead(principal: MaybePrincipal, conversationId: string, seq: number): Promise<void> {
    if (principal?.kind !== 'user')
      throw new AppError('FORBIDDEN', 'Only signed-in users keep read markers');
    const conversation = await this.getReadable(principal, conversationId);
    if (conversation.kind === 'general') return; // general has no memberships to mark
    await this.members
      .createQueryBuilder()
      .update()
      .set({
        lastReadSeq: () =>
          'LEAST(:seq::bigint, (SELECT last_seq FROM conversations WHERE id = :id))',
      })
      .where('conversation_id = :id AND user_id = :userId AND last_read_seq < :seq', {
        id: conversationId,
        userId: principal.id,
        seq,
      })
      .execute();
  }
}

/**
 * The access rules, in one place. General: anyone reads; users and guests post. Rooms: members
 * (others are told to join). Threads: the two participants; to anyone else a thread does not
 * exist. Visitors (no principal) only read general.
 */
function accessRefusal(
  principal: MaybePrincipal,
  conversation: ConversationEntity,
  member: boolean,
): AppError | null {
  if (conversation.kind === 'general') return null;
  if (conversation.kind === 'direct')
    return principal?.kind === 'user' && member ? null : notFound('Conversation');
  if (!principal) return unauthorized();
  if (principal.kind !== 'user') return new AppError('FORBIDDEN', 'Guests can only use general');
  return member ? null : new AppError('FORBIDDEN', 'Join the room first');
}
