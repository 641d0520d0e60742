import type { Message, MessagePage } from '@chat/contracts';
import { LIMITS } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { notFound } from '../../common/errors/app-error.js';
import { AttachmentsService } from '../attachments/index.js';
import {
  MessageChanges,
  type Changed,
  type GameDecision,
  type ServerGameDecision,
} from './message-changes.js';
import { MessageHydrator } from './message-hydrator.js';
import { MESSAGE_COLUMNS, type MessageRow } from './message-row.js';
import { MessageWriter, type WriteRequest, type Written } from './message-writer.js';
import {
  MESSAGE_CREATED,
  MESSAGE_UPDATED,
  type MessageCreatedEvent,
  type MessageUpdatedEvent,
} from './messages.events.js';

/** How a change reaches others: thread participants' personal rooms, and the acting socket. */
export interface Delivery {
  /** Thread participants: the message also goes to their personal rooms. */
  directUserIds: string[] | null;
  originSocketId?: string;
}

/** A message to store and fan out; the caller has checked that the sender may post. */
export type NewMessage = WriteRequest & Delivery;

/** A read marker: messages after `afterSeq` from others count as unread. */
export interface ReadMarker {
  conversationId: string;
  afterSeq: number;
}

/** Per conversation: unread messages from others, and how many of them mention the reader. */
export interface UnreadCount {
  unread: number;
  mentions: number;
}

/** What a caller needs to know about a message before deciding who may change it. */
export interface MessageLocation {
  id: string;
  conversationId: string;
  senderId: string;
  body: string;
  deleted: boolean;
}

/**
 * The `messages` table and its reactions: storing messages (with their per-conversation `seq`),
 * changing them (each change a new `rev` from the same counter) and reading them back. Who may
 * read, post or moderate is the conversations module's business; this one trusts its caller,
 * but keeps the rules that belong to a message itself (only the sender edits; a tombstone
 * stays a tombstone; at most 20 distinct reactions).
 */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: MessageWriter,
    private readonly changes: MessageChanges,
    private readonly hydrator: MessageHydrator,
    private readonly events: EventEmitter2,
    private readonly attachments: AttachmentsService,
  ) {}

  /**
   * Stores a message, or returns the one already stored for this (sender, clientMsgId): a retried
   * send is answered with the original (`created: false`), across processes, since the unique
   * index decides.
   */
  async write({ directUserIds, originSocketId, ...request }: NewMessage): Promise<Written> {
    const written = await this.writer.write(request);
    if (written.created) {
      const event: MessageCreatedEvent = {
        message: written.message,
        directUserIds,
        originSocketId,
      };
      this.events.emit(MESSAGE_CREATED, event);
    }
    return written;
  }

  /** NOT_FOUND for an id that names no message. */
  async locate(messageId: string): Promise<MessageLocation> {
    const [row]: Array<
      Pick<MessageRow, 'id' | 'conversation_id' | 'sender_id' | 'body' | 'deleted_at'>
    > = await this.db.query(
      `SELECT id, conversation_id, sender_id, body, deleted_at FROM messages WHERE id = $1`,
      [messageId],
    );
    if (!row) throw notFound('Message');
    return {
      id: String(row.id),
      conversationId: row.conversation_id,
      senderId: row.sender_id,
      body: row.deleted_at ? '' : row.body,
      deleted: row.deleted_at !== null,
    };
  }

  async edit(
    messageId: string,
    actorId: string,
    body: string,
    mentions: string[],
    delivery: Delivery,
  ): Promise<Message> {
    return this.published(await this.changes.edit(messageId, actorId, body, mentions), delivery);
  }

  async remove(
    messageId: string,
    actorId: string,
    asModerator: boolean,
    delivery: Delivery,
  ): Promise<Message> {
    const tombstone = await this.published(
      await this.changes.remove(messageId, actorId, asModerator),
      delivery,
    );
    // Rows and files of its attachments (the clean-up retries whatever this misses).
    await this.attachments.purgeDiscarded(messageId).catch(() => undefined);
    return tombstone;
  }

  async addReaction(
    messageId: string,
    userId: string,
    emoji: string,
    delivery: Delivery,
  ): Promise<Message> {
    return this.published(await this.changes.addReaction(messageId, userId, emoji), delivery);
  }

  async removeReaction(
    messageId: string,
    userId: string,
    emoji: string,
    delivery: Delivery,
  ): Promise<Message> {
    return this.published(await this.changes.removeReaction(messageId, userId, emoji), delivery);
  }

  /** A person's move in the game of a message: `decide` rules on it under the lock. */
  async moveGame(messageId: string, decide: GameDecision, delivery: Delivery): Promise<Message> {
    return this.published(await this.changes.moveGame(messageId, decide), delivery);
  }

  /**
   * Makes one due server move, of any game or of `messageId`, claimed so that exactly one
   * process makes it; `deliveryFor` says who gets the change. Null when nothing was due.
   */
  async playDueGame(
    decide: ServerGameDecision,
    deliveryFor: (conversationId: string) => Promise<Delivery>,
    due: { messageId: string } | { overdueMs: number },
  ): Promise<Message | null> {
    const changed = await this.changes.playDueGame(decide, due);
    if (!changed) return null;
    return this.published(changed, await deliveryFor(changed.row.conversation_id));
  }

  async setPinned(
    messageId: string,
    actorId: string,
    pinned: boolean,
    delivery: Delivery,
  ): Promise<Message> {
    return this.published(await this.changes.setPinned(messageId, actorId, pinned), delivery);
  }

  /** The conversation's pinned messages, the newest pin first (at most `limit`). */
  async pinnedIn(conversationId: string, limit: number = LIMITS.pinsListMax): Promise<Message[]> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       WHERE m.conversation_id = $1 AND m.pinned_at IS NOT NULL
       ORDER BY m.pinned_at DESC, m.id DESC LIMIT $2`,
      [conversationId, limit],
    );
    return this.hydrator.toMessages(rows);
  }

  /**
   * Every change after counter value `rev`, by `rev`, at most `limit`: new messages and changed
   * ones, each in its current state (the catch-up cursor).
   */
  async changesAfter(
    conversationId: string,
    rev: number,
    limit: number = LIMITS.missedOnJoinMax,
  ): Promise<MessagePage> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       WHERE m.conversation_id = $1 AND m.rev > $2 ORDER BY m.rev ASC LIMIT $3`,
      [conversationId, rev, limit + 1],
    );
    const items = await this.hydrator.toMessages(rows.slice(0, limit));
    return { items, hasMore: rows.length > limit };
  }

  /** History after `seq`, oldest first, at most `limit`, each message as it is now. */
  async after(conversationId: string, seq: number, limit: number): Promise<MessagePage> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       WHERE m.conversation_id = $1 AND m.seq > $2 ORDER BY m.seq ASC LIMIT $3`,
      [conversationId, seq, limit + 1],
    );
    const items = await this.hydrator.toMessages(rows.slice(0, limit));
    return { items, hasMore: rows.length > limit };
  }

  /** The page before `seq` (or the newest page), returned oldest first. */
  async before(conversationId: string, seq: number | null, limit: number): Promise<MessagePage> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       WHERE m.conversation_id = $1 AND ($2::bigint IS NULL OR m.seq < $2) ORDER BY m.seq DESC LIMIT $3`,
      [conversationId, seq, limit + 1],
    );
    const items = await this.hydrator.toMessages(rows.slice(0, limit).reverse());
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
    const messages = await this.hydrator.toMessages(rows);
    return new Map(messages.map((message) => [message.conversationId, message]));
  }

  /**
   * Messages from others after each read marker of `userId`, per conversation, and how many of
   * them mention the reader. Deleted messages count for neither.
   */
  async unreadCounts(userId: string, markers: ReadMarker[]): Promise<Map<string, UnreadCount>> {
    if (markers.length === 0) return new Map();
    const rows: Array<{ id: string; unread: number; mentions: number }> = await this.db.query(
      `SELECT wanted.id, count(m.id)::int AS unread,
              count(m.id) FILTER (WHERE $3 = ANY (m.mentions))::int AS mentions
       FROM unnest($1::uuid[], $2::bigint[]) AS wanted(id, after_seq)
       LEFT JOIN messages m ON m.conversation_id = wanted.id
         AND m.seq > wanted.after_seq AND m.sender_id <> $3 AND m.deleted_at IS NULL
       GROUP BY wanted.id`,
      [markers.map((m) => m.conversationId), markers.map((m) => m.afterSeq), userId],
    );
    return new Map(rows.map((row) => [row.id, { unread: row.unread, mentions: row.mentions }]));
  }

  /** The changed message, announced to its conversation when the change took a new `rev`. */
  private async published(
    { row, changed, before, alsoChanged }: Changed,
    delivery: Delivery,
  ): Promise<Message> {
    const [message, ...others] = await this.hydrator.toMessages([row, ...alsoChanged]);
    if (changed) {
      const earlier = new Set(before.mentions);
      const event: MessageUpdatedEvent = {
        message: message!,
        ...delivery,
        newMentions: message!.mentions.filter((id) => !earlier.has(id)),
      };
      this.events.emit(MESSAGE_UPDATED, event);
    }
    // The acting socket's ack holds only its own message: it gets these like everyone else.
    for (const other of others) {
      const event: MessageUpdatedEvent = {
        message: other,
        directUserIds: delivery.directUserIds,
        newMentions: [],
      };
      this.events.emit(MESSAGE_UPDATED, event);
    }
    return message!;
  }
}
