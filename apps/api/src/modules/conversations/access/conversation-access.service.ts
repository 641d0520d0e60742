import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { MaybePrincipal, Principal } from '../../../common/access/principal.js';
import { TickBatcher } from '../../../common/batching/tick-batcher.js';
import { AppError, notFound, unauthorized } from '../../../common/errors/app-error.js';
import { ConversationMemberEntity } from '../conversation-member.entity.js';
import { ConversationEntity } from '../conversation.entity.js';
import { ROOM_DELETED, type RoomDeletedEvent } from '../rooms/rooms.events.js';

const POSTING_CACHE_MAX = 10_000;

interface PostingCheck {
  principal: Principal;
  conversationId: string;
  /** System lines (a moderator's action) are still written in an archived room. */
  inArchived?: boolean;
}

/** Who may read and post where (the rules themselves are in `accessRefusal` below). */
@Injectable()
export class ConversationAccess {
  private readonly postingCache = new Map<string, ConversationEntity>();
  /** Sends of one event-loop turn are checked together: one membership query per batch. */
  private readonly postingChecks = new TickBatcher<PostingCheck, ConversationEntity>((checks) =>
    this.checkPostable(checks),
  );

  constructor(
    @InjectRepository(ConversationEntity)
    private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(ConversationMemberEntity)
    private readonly members: Repository<ConversationMemberEntity>,
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

  /** The conversation, if the caller may post in it; otherwise the error to answer. */
  getPostable(
    principal: MaybePrincipal,
    conversationId: string,
    options: { inArchived?: boolean } = {},
  ): Promise<ConversationEntity> {
    if (!principal) return Promise.reject(unauthorized('Sign in or continue as a guest to post'));
    return this.postingChecks.get({ principal, conversationId, ...options });
  }

  /** The conversation, whoever asks (for changes the server makes itself); NOT_FOUND if gone. */
  async find(conversationId: string): Promise<ConversationEntity> {
    const conversation = (await this.postingView([conversationId])).get(conversationId);
    if (!conversation) throw notFound('Conversation');
    return conversation;
  }

  /** A deleted room leaves this process's cache (other processes find no membership in it). */
  @OnEvent(ROOM_DELETED)
  forget({ conversationId }: RoomDeletedEvent): void {
    this.postingCache.delete(conversationId);
  }

  isMember(conversationId: string, userId: string): Promise<boolean> {
    return this.members.existsBy({ conversationId, userId });
  }

  /**
   * A batch of posting checks: the immutable part of each conversation comes from a cache and
   * memberships from one query, however many sends the batch holds.
   */
  private async checkPostable(
    checks: PostingCheck[],
  ): Promise<Array<ConversationEntity | AppError>> {
    const conversations = await this.postingView([...new Set(checks.map((c) => c.conversationId))]);
    const needMembership = checks.filter(
      (c) => c.principal.kind === 'user' && conversations.get(c.conversationId)?.kind !== 'general',
    );
    const memberships = new Set<string>();
    // Archiving is not in the cached view (it changes): it comes fresh with the membership.
    const archived = new Set<string>();
    if (needMembership.length > 0) {
      const rows: Array<{ key: string; archived: boolean }> = await this.members.query(
        `SELECT m.conversation_id || ':' || m.user_id AS key, c.archived_at IS NOT NULL AS archived
         FROM conversation_members m
         JOIN unnest($1::uuid[], $2::uuid[]) AS wanted(conversation_id, user_id)
           ON m.conversation_id = wanted.conversation_id AND m.user_id = wanted.user_id
         JOIN conversations c ON c.id = m.conversation_id`,
        [needMembership.map((c) => c.conversationId), needMembership.map((c) => c.principal.id)],
      );
      for (const row of rows) {
        memberships.add(row.key);
        if (row.archived) archived.add(row.key);
      }
    }
    return checks.map(({ principal, conversationId, inArchived }) => {
      const conversation = conversations.get(conversationId);
      if (!conversation) return notFound('Conversation');
      const key = `${conversationId}:${principal.id}`;
      const refusal = accessRefusal(principal, conversation, memberships.has(key));
      if (refusal) return refusal;
      if (archived.has(key) && !inArchived)
        return new AppError('FORBIDDEN', 'This room is archived: it is read-only');
      return conversation;
    });
  }

  /**
   * Conversations as the send path needs them: kind and thread key never change, so they are
   * cached per process (seq and counts are not read from here). A deleted room is dropped from
   * the cache; where another process still holds it, the membership check refuses the send.
   */
  private async postingView(ids: string[]): Promise<Map<string, ConversationEntity>> {
    const missing = ids.filter((id) => !this.postingCache.has(id));
    if (missing.length > 0) {
      if (this.postingCache.size > POSTING_CACHE_MAX) this.postingCache.clear();
      const found = await this.conversations
        .createQueryBuilder('c')
        .where('c.id = ANY(:ids)', { ids: missing })
        .getMany();
      for (const conversation of found) {
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
}

/**
 * The SQL twin of `accessRefusal` for a signed-in user, for queries that must filter by access
 * in the same statement (search): the ids of the conversations they may read, `$1` being their
 * user id. General, and every conversation they are a member of (rooms, threads, groups). A ban
 * removes the membership in the same transaction (`RoomBans.ban`), so a banned room is not here.
 */
export const READABLE_BY_USER_SQL = `
  SELECT c.id FROM conversations c WHERE c.kind = 'general'
  UNION ALL
  SELECT cm.conversation_id FROM conversation_members cm WHERE cm.user_id = $1`;

/**
 * The access rules, in one place. General: anyone reads; users and guests post. Rooms: members
 * (others are told to join). Threads and groups: their members; to anyone else they do not
 * exist. Visitors (no principal) only read general.
 */
function accessRefusal(
  principal: MaybePrincipal,
  conversation: ConversationEntity,
  member: boolean,
): AppError | null {
  if (conversation.kind === 'general') return null;
  if (conversation.kind === 'direct' || conversation.kind === 'group')
    return principal?.kind === 'user' && member ? null : notFound('Conversation');
  if (!principal) return unauthorized();
  if (principal.kind !== 'user') return new AppError('FORBIDDEN', 'Guests can only use general');
  return member ? null : new AppError('FORBIDDEN', 'Join the room first');
}
