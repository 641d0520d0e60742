import type { Message, MessagePage } from '@chat/contracts';
import { LIMITS } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UsersService } from '../users/index.js';
import { MESSAGE_COLUMNS, toMessage, userSenderIds, type MessageRow } from './message-row.js';
import { MessageWriter, type WriteRequest } from './message-writer.js';
import { MESSAGE_CREATED, type MessageCreatedEvent } from './messages.events.js';

/** A message to store and fan out; the caller has checked that the sender may post. */
export interface NewMessage extends WriteRequest {
  /** Thread participants: the message also goes to their personal rooms. */
  directUserIds: string[] | null;
  originSocketId?: string;
}

/** A read marker: messages after `afterSeq` from others count as unread. */
export interface ReadMarker {
  conversationId: string;
  afterSeq: number;
}

/**
 * The `messages` table: storing messages (with their per-conversation `seq`) and reading them
 * back. Who may read or post is the conversations module's business; this one trusts its caller.
 */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: MessageWriter,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Stores a message, or returns the one already stored for this (sender, clientMsgId): a retried
   * send is answered with the original, across processes, since the unique index decides.
   */
  async write({ directUserIds, originSocketId, ...request }: NewMessage): Promise<Message> {
    const { message, created } = await this.writer.write(request);
    if (created) {
      const event: MessageCreatedEvent = { message, directUserIds, originSocketId };
      this.events.emit(MESSAGE_CREATED, event);
    }
    return message;
  }

  /** Everything after `seq`, oldest first, at most `limit` (the catch-up cursor). */
  async after(
    conversationId: string,
    seq: number,
    limit: number = LIMITS.missedOnJoinMax,
  ): Promise<MessagePage> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       WHERE m.conversation_id = $1 AND m.seq > $2 ORDER BY m.seq ASC LIMIT $3`,
      [conversationId, seq, limit + 1],
    );
    const items = await this.toMessages(rows.slice(0, limit));
    return { items, hasMore: rows.length > limit };
  }

  /** The page before `seq` (or the newest page), returned oldest first. */
  async before(conversationId: string, seq: number | null, limit: number): Promise<MessagePage> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       WHERE m.conversation_id = $1 AND ($2::bigint IS NULL OR m.seq < $2) ORDER BY m.seq DESC LIMIT $3`,
      [conversationId, seq, limit + 1],
    );
    const items = await this.toMessages(rows.slice(0, limit).reverse());
    return { items, hasMore: rows.length > limit };
  }

  /** The newest message of each conversation (thread previews): one index probe each. */
  async latestOf(conversationIds: string[]): Promise<Map<string, Message>> {
    if (conversationIds.length === 0) return new Map();
    const rows: MessageRow[] = await this.db.query(
      `SELECT latest.* FROM unnest($1::uuid[]) AS wanted(id)
       CROSS JOIN LATERAL (
         SELECT ${MESSAGE_COLUMNS} FROM messages m
         WHERE m.conversation_id = wanted.id ORDER BY m.seq DESC LIMIT 1
       ) latest`,
      [conversationIds],
    );
    const messages = await this.toMessages(rows);
    return new Map(messages.map((message) => [message.conversationId, message]));
  }

  /** Messages from others after each read marker of `userId`, per conversation. */
  async unreadCounts(userId: string, markers: ReadMarker[]): Promise<Map<string, number>> {
    if (markers.length === 0) return new Map();
    const rows: Array<{ id: string; unread: number }> = await this.db.query(
      `SELECT wanted.id, count(m.id)::int AS unread
       FROM unnest($1::uuid[], $2::bigint[]) AS wanted(id, after_seq)
       LEFT JOIN messages m ON m.conversation_id = wanted.id
         AND m.seq > wanted.after_seq AND m.sender_id <> $3
       GROUP BY wanted.id`,
      [markers.map((m) => m.conversationId), markers.map((m) => m.afterSeq), userId],
    );
    return new Map(rows.map((row) => [row.id, row.unread]));
  }

  /** Rows to contract messages, with each user sender's current username and colour. */
  private async toMessages(rows: MessageRow[]): Promise<Message[]> {
    const senders = await this.users.findPresenceUsers(userSenderIds(rows));
    return rows.map((row) => toMessage(row, senders.get(row.sender_id)));
  }
}
