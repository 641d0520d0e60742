import type { HistoryQuery, Message, MessagePage } from '@chat/contracts';
import { LIMITS } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { unauthorized } from '../../common/errors/app-error.js';
import type { MaybePrincipal, Principal } from '../auth/principal.js';
import type { ConversationEntity } from '../conversations/conversation.entity.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import { MESSAGE_COLUMNS, SENDER_JOIN, toMessage, type MessageRow } from './message-row.js';
import { MessageWriter } from './message-writer.js';
import { MESSAGE_CREATED, type MessageCreatedEvent } from './messages.events.js';

export interface NewMessage {
  conversationId: string;
  clientMsgId: string;
  /** Already trimmed and within limits (the contract's schema). */
  body: string;
  kind?: 'text' | 'system';
  viaBot?: boolean;
  originSocketId?: string;
}

@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly writer: MessageWriter,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Stores a message, or returns the one already stored for this (sender, clientMsgId): a retried
   * send is answered with the original, across processes, since the unique index decides.
   */
  async send(principal: MaybePrincipal, input: NewMessage): Promise<Message> {
    if (!principal) throw unauthorized('Sign in or continue as a guest to post');
    return this.write(principal, input);
  }

  /** A line by the bot or the system, through the same checks, storage and fan-out. */
  post(
    conversation: ConversationEntity,
    author: Principal,
    input: Omit<NewMessage, 'conversationId'>,
  ): Promise<Message> {
    return this.write(author, { ...input, conversationId: conversation.id });
  }

  /** A system line in a conversation, attributed to the user it is about. */
  postSystem(conversation: ConversationEntity, about: Principal, body: string): Promise<Message> {
    return this.post(conversation, about, { clientMsgId: randomUUID(), body, kind: 'system' });
  }

  private async write(sender: Principal, input: NewMessage): Promise<Message> {
    const { message, created, conversation } = await this.writer.write({
      conversationId: input.conversationId,
      sender,
      clientMsgId: input.clientMsgId,
      body: input.body,
      kind: input.kind ?? 'text',
      viaBot: input.viaBot ?? false,
    });
    if (created) {
      const event: MessageCreatedEvent = {
        message,
        directUserIds: conversation.directKey ? conversation.directKey.split(':') : null,
        originSocketId: input.originSocketId,
      };
      this.events.emit(MESSAGE_CREATED, event);
    }
    return message;
  }

  async history(
    principal: MaybePrincipal,
    conversationId: string,
    query: HistoryQuery,
  ): Promise<MessagePage> {
    await this.conversations.getReadable(principal, conversationId);
    return query.after !== undefined
      ? this.after(conversationId, query.after, query.limit)
      : this.before(conversationId, query.before ?? null, query.limit);
  }

  /** Everything after `seq`, oldest first, at most `limit` (the catch-up cursor). */
  async after(
    conversationId: string,
    seq: number,
    limit: number = LIMITS.missedOnJoinMax,
  ): Promise<MessagePage> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m ${SENDER_JOIN}
       WHERE m.conversation_id = $1 AND m.seq > $2 ORDER BY m.seq ASC LIMIT $3`,
      [conversationId, seq, limit + 1],
    );
    return { items: rows.slice(0, limit).map(toMessage), hasMore: rows.length > limit };
  }

  /** The page before `seq` (or the newest page), returned oldest first. */
  async before(conversationId: string, seq: number | null, limit: number): Promise<MessagePage> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m ${SENDER_JOIN}
       WHERE m.conversation_id = $1 AND ($2::bigint IS NULL OR m.seq < $2) ORDER BY m.seq DESC LIMIT $3`,
      [conversationId, seq, limit + 1],
    );
    return { items: rows.slice(0, limit).reverse().map(toMessage), hasMore: rows.length > limit };
  }

  /** The newest message of each conversation (thread previews). */
  async latestOf(conversationIds: string[]): Promise<Map<string, Message>> {
    if (conversationIds.length === 0) return new Map();
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM conversations c
       JOIN messages m ON m.conversation_id = c.id AND m.seq = c.last_seq ${SENDER_JOIN}
       WHERE c.id = ANY($1::uuid[])`,
      [conversationIds],
    );
    return new Map(rows.map((row) => [row.conversation_id, toMessage(row)]));
  }
}
