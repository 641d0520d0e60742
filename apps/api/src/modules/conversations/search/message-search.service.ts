import type { SearchConversation, SearchQuery, SearchResult } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppError, notFound } from '../../../common/errors/app-error.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../../common/http/keyset-cursor.js';
import { RateLimits } from '../../../common/rate-limit/rate-limits.service.js';
import { MessageSearch } from '../../messages/index.js';
import { UsersService } from '../../users/index.js';
import { ConversationAccess, READABLE_BY_USER_SQL } from '../access/conversation-access.service.js';
import { ConversationMemberEntity } from '../conversation-member.entity.js';
import { ConversationEntity } from '../conversation.entity.js';

const GROUP_NAMES_SHOWN = 3;
const MESSAGE_ID = /^[1-9][0-9]{0,18}$/;

/**
 * GET /api/search: the messages module finds the messages, with this module's access rules
 * (`READABLE_BY_USER_SQL`) inside the same query; this side checks the one conversation asked
 * for, counts the rate and names each hit's conversation.
 */
@Injectable()
export class MessageSearchService {
  constructor(
    private readonly access: ConversationAccess,
    private readonly search: MessageSearch,
    private readonly users: UsersService,
    private readonly limits: RateLimits,
    @InjectRepository(ConversationEntity)
    private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(ConversationMemberEntity)
    private readonly members: Repository<ConversationMemberEntity>,
  ) {}

  async find(userId: string, query: SearchQuery): Promise<SearchResult> {
    await this.limits.consume('search', userId);
    const beforeId =
      query.cursor === undefined
        ? undefined
        : decodeKeysetCursor(query.cursor, ([id, ...rest]) =>
            rest.length === 0 && typeof id === 'string' && MESSAGE_ID.test(id) ? id : null,
          );
    if (query.conversationId) await this.assertReadable(userId, query.conversationId);
    const page = await this.search.search({
      text: query.q,
      readableConversationIds: READABLE_BY_USER_SQL,
      readerId: userId,
      conversationId: query.conversationId,
      beforeId,
      limit: query.limit,
    });
    const named = await this.name(
      userId,
      page.hits.map((hit) => hit.message.conversationId),
    );
    return {
      items: page.hits.map((hit) => ({
        message: hit.message,
        conversation: named.get(hit.message.conversationId)!,
        highlights: hit.highlights,
      })),
      nextCursor: page.nextBeforeId === null ? null : encodeKeysetCursor([page.nextBeforeId]),
    };
  }

  /** Any conversation the caller cannot read is, to search, one that does not exist. */
  private async assertReadable(userId: string, conversationId: string): Promise<void> {
    try {
      await this.access.getReadable({ kind: 'user', id: userId }, conversationId);
    } catch (error) {
      if (error instanceof AppError) throw notFound('Conversation');
      throw error;
    }
  }

  /**
   * How each conversation is shown: a room by its name and slug; a direct thread by the other
   * person (and their username, for its route); a group by its name, or its people's names.
   */
  private async name(
    userId: string,
    conversationIds: string[],
  ): Promise<Map<string, SearchConversation>> {
    const ids = [...new Set(conversationIds)];
    if (ids.length === 0) return new Map();
    const found = await this.conversations
      .createQueryBuilder('c')
      .where('c.id = ANY(:ids)', { ids })
      .getMany();
    const privateIds = found.filter((c) => c.kind === 'direct' || c.kind === 'group');
    const others: Array<{ conversation_id: string; user_id: string }> =
      privateIds.length === 0
        ? []
        : await this.members.query(
            `SELECT conversation_id, user_id FROM conversation_members
             WHERE conversation_id = ANY($1::uuid[]) AND user_id <> $2 ORDER BY joined_at`,
            [privateIds.map((c) => c.id), userId],
          );
    const people = await this.users.findPresenceUsers([...new Set(others.map((o) => o.user_id))]);
    return new Map(
      found.map((c) => {
        const theirs = others
          .filter((o) => o.conversation_id === c.id)
          .flatMap((o) => people.get(o.user_id) ?? []);
        const named: SearchConversation = { id: c.id, kind: c.kind, name: c.name };
        if (c.slug) named.slug = c.slug;
        if (c.kind === 'direct' && theirs[0]) {
          named.name = theirs[0].displayName;
          if (theirs[0].username) named.username = theirs[0].username;
        }
        if (c.kind === 'group' && !c.name)
          named.name = theirs
            .slice(0, GROUP_NAMES_SHOWN)
            .map((p) => p.displayName)
            .join(', ');
        return [c.id, named];
      }),
    );
  }
}
