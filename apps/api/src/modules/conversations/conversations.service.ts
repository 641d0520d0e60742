import type { Conversation } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { AppError, notFound, unauthorized } from '../../common/errors/app-error.js';
import type { MaybePrincipal } from '../auth/principal.js';
import { PresenceService } from '../users/presence/presence.service.js';
import { ConversationMemberEntity } from './conversation-member.entity.js';
import { ConversationEntity } from './conversation.entity.js';
import { toConversation } from './conversation-view.js';

/**
 * Conversations and who may use them. General: anyone reads, users and guests post. Rooms:
 * members (non-members are told to join). Threads: the two participants; to anyone else a
 * thread does not exist (404).
 */
@Injectable()
export class ConversationsService {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(ConversationMemberEntity) private readonly members: Repository<ConversationMemberEntity>,
    private readonly presence: PresenceService,
  ) {}

  async getGeneral(): Promise<ConversationEntity> {
    const general = await this.conversations.findOneBy({ kind: 'general' });
    if (!general) throw new Error('The general conversation is missing: were migrations run?');
    return general;
  }

  /** The conversation, if the caller may read it (history, live subscription). */
  async getReadable(principal: MaybePrincipal, conversationId: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.findOneBy({ id: conversationId });
    if (!conversation) throw notFound('Conversation');
    if (conversation.kind === 'general') return conversation;
    if (conversation.kind === 'direct') {
      // Never a hint that a thread exists to someone outside it.
      if (principal?.kind !== 'user' || !(await this.isMember(conversation.id, principal.id))) {
        throw notFound('Conversation');
      }
      return conversation;
    }
    if (!principal) throw unauthorized();
    if (principal.kind !== 'user') throw new AppError('FORBIDDEN', 'Guests can only use general');
    if (!(await this.isMember(conversation.id, principal.id))) {
      throw new AppError('FORBIDDEN', 'Join the room first');
    }
    return conversation;
  }

  /** The conversation, if the caller may post in it. Visitors never may. */
  async getPostable(principal: MaybePrincipal, conversationId: string): Promise<ConversationEntity> {
    if (!principal) throw unauthorized('Sign in or continue as a guest to post');
    return this.getReadable(principal, conversationId);
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
      ? await this.conversations.manager.query<Array<{ count: number }>>('SELECT count(*)::int AS count FROM users')
      : [{ count: 0 }];
    return entities.map((entity) =>
      toConversation(entity, {
        memberCount: entity.kind === 'general' ? everyone[0]!.count : (memberCounts.get(entity.id) ?? 0),
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
    if (principal?.kind !== 'user') throw new AppError('FORBIDDEN', 'Only signed-in users keep read markers');
    const conversation = await this.getReadable(principal, conversationId);
    if (conversation.kind === 'general') return; // general has no memberships to mark
    await this.members
      .createQueryBuilder()
      .update()
      .set({ lastReadSeq: () => 'LEAST(:seq::bigint, (SELECT last_seq FROM conversations WHERE id = :id))' })
      .where('conversation_id = :id AND user_id = :userId AND last_read_seq < :seq', {
        id: conversationId,
        userId: principal.id,
        seq,
      })
      .execute();
  }
}
