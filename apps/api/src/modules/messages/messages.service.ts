import type { HistoryQuery, Message, MessagePage } from '@chat/contracts';
import { LIMITS } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { MaybePrincipal, Principal } from '../auth/principal.js';
import type { ConversationEntity } from '../conversations/conversation.entity.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import { refuseNulCharacters } from '../users/nul-characters.js';
import { MESSAGE_COLUMNS, SENDER_JOIN, toMessage, type MessageRow } from './message-row.js';
import { MESSAGE_CREATED, type MessageCreatedEvent } from './messages.events.js';

const UNIQUE_VIOLATION = '23505';

export interface NewMessage {
  conversationId: string;
  clientMsgId: string;
  /** Already trimmed and within limits (the contract's schema). */
  body: string;
  kind?: 'text' | 'system';
  viaBot?: boolean;
  originSocketId?: string;
}

/**
 * Taking `seq` by updating the conversation row in the insert's own statement holds that row's
 * lock until commit: seq is gapless and in commit order per conversation. A failed insert rolls
 * the increment back with it.
 */
const INSERT_MESSAGE = `
  WITH next AS (
    UPDATE conversations SET last_seq = last_seq + 1, last_message_at = now()
    WHERE id = $1
    RETURNING last_seq, last_message_at
  ), sender AS (
    SELECT display_name, username, avatar_color FROM users WHERE id = $2 AND $3 = 'user'
  ), inserted AS (
    INSERT INTO messages (conversation_id, seq, sender_id, sender_kind, sender_name, body,
                          client_msg_id, kind, via_bot, created_at)
    SELECT $1, next.last_seq, $2, $3, coalesce((SELECT display_name FROM sender), $4), $5, $6, $7, $8,
           next.last_message_at
    FROM next
    RETURNING *
  )
  SELECT inserted.*, sender.username, sender.avatar_color
  FROM inserted LEFT JOIN sender ON true`;

@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Stores a message, or returns the one already stored for this (sender, clientMsgId): a retried
   * send is answered with the original, across processes, since the unique index decides.
   */
  async send(principal: MaybePrincipal, input: NewMessage): Promise<Message> {
    // PostgreSQL text cannot hold NUL: bad input (VALIDATION), not a failed insert (INTERNAL).
    refuseNulCharacters('payload', { body: input.body });
    const conversation = await this.conversations.getPostable(principal, input.conversationId);
    return this.store(conversation, principal!, input);
  }

  /** For system lines ("Ann joined") and the bot: no access check, same storage and fan-out. */
  async post(conversation: ConversationEntity, author: Principal, input: Omit<NewMessage, 'conversationId'>): Promise<Message> {
    return this.store(conversation, author, { ...input, conversationId: conversation.id });
  }

  private async store(conversation: ConversationEntity, sender: Principal, input: NewMessage): Promise<Message> {
    let rows: MessageRow[];
    try {
      rows = await this.db.query(INSERT_MESSAGE, [
        conversation.id,
        sender.id,
        sender.kind,
        sender.kind === 'guest' ? sender.name : 'unknown',
        input.body,
        input.clientMsgId,
        input.kind ?? 'text',
        input.viaBot ?? false,
      ]);
    } catch (error) {
      // A retry (or two racing copies) of a send that is already stored: answer with the original.
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      const stored = await this.findByClientMsgId(conversation.id, sender.id, input.clientMsgId);
      if (!stored) throw error;
      return stored;
    }
    const message = toMessage(rows[0]!);
    const event: MessageCreatedEvent = {
      message,
      directUserIds: conversation.directKey ? conversation.directKey.split(':') : null,
      originSocketId: input.originSocketId,
    };
    this.events.emit(MESSAGE_CREATED, event);
    return message;
  }

  /** A system line in a conversation, attributed to the user it is about. */
  postSystem(conversation: ConversationEntity, about: Principal, body: string): Promise<Message> {
    return this.post(conversation, about, { clientMsgId: randomUUID(), body, kind: 'system' });
  }

  async history(principal: MaybePrincipal, conversationId: string, query: HistoryQuery): Promise<MessagePage> {
    await this.conversations.getReadable(principal, conversationId);
    return query.after !== undefined
      ? this.after(conversationId, query.after, query.limit)
      : this.before(conversationId, query.before ?? null, query.limit);
  }

  /** Everything after `seq`, oldest first, at most `limit` (the catch-up cursor). */
  async after(conversationId: string, seq: number, limit: number = LIMITS.missedOnJoinMax): Promise<MessagePage> {
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

  private async findByClientMsgId(conversationId: string, senderId: string, clientMsgId: string) {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m ${SENDER_JOIN}
       WHERE m.conversation_id = $1 AND m.sender_id = $2 AND m.client_msg_id = $3`,
      [conversationId, senderId, clientMsgId],
    );
    return rows[0] ? toMessage(rows[0]) : null;
  }
}
