import type { Attachment, Message, PresenceUser, Reaction, ReplyPreview } from '@chat/contracts';
import { LIMITS } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AttachmentsService } from '../attachments/index.js';
import { UsersService } from '../users/index.js';
import { toMessage, userSenderIds, type MessageRow } from './message-row.js';

interface ParentRow {
  id: string;
  seq: string;
  sender_id: string;
  sender_kind: 'user' | 'guest';
  sender_name: string;
  deleted: boolean;
}

interface ReactionRow {
  message_id: string;
  emoji: string;
  count: number;
  user_ids: string[];
}

/**
 * Rows to contract messages: each user sender's current look, the parent of each reply and the
 * reactions, each one query for the whole batch (and none when no row needs it).
 */
@Injectable()
export class MessageHydrator {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly attachments: AttachmentsService,
  ) {}

  /**
   * `fresh`: rows just inserted without attachments, which cannot have reactions yet.
   * `senders`: profiles the caller has already loaded, not looked up again.
   */
  async toMessages(
    rows: MessageRow[],
    options: { fresh?: boolean; senders?: Map<string, PresenceUser> } = {},
  ): Promise<Message[]> {
    if (rows.length === 0) return [];
    const parents = await this.parentsOf(rows);
    const known = options.senders ?? new Map<string, PresenceUser>();
    const unknown = userSenderIds([...rows, ...parents.values()]).filter((id) => !known.has(id));
    const [found, reactions, attachments] = await Promise.all([
      this.users.findPresenceUsers(unknown),
      options.fresh ? new Map<string, Reaction[]>() : this.reactionsOf(rows),
      options.fresh ? new Map<string, Attachment[]>() : this.attachmentsOf(rows),
    ]);
    const senders = new Map([...known, ...found]);
    return rows.map((row) =>
      toMessage(row, {
        sender: senders.get(row.sender_id),
        replyTo: replyPreview(row, parents, senders),
        reactions: reactions.get(String(row.id)) ?? [],
        attachments: attachments.get(String(row.id)) ?? [],
      }),
    );
  }

  async toMessage(row: MessageRow): Promise<Message> {
    const [message] = await this.toMessages([row]);
    return message!;
  }

  private async parentsOf(rows: MessageRow[]): Promise<Map<string, ParentRow>> {
    const ids = [...new Set(rows.flatMap((r) => (r.reply_to_id ? [r.reply_to_id] : [])))];
    if (ids.length === 0) return new Map();
    const parents: ParentRow[] = await this.db.query(
      `SELECT id, seq, sender_id, sender_kind, sender_name, deleted_at IS NOT NULL AS deleted
       FROM messages WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    return new Map(parents.map((p) => [String(p.id), p]));
  }

  /** Live text messages' attachments, with URLs signed now (a tombstone has none). */
  private attachmentsOf(rows: MessageRow[]): Promise<Map<string, Attachment[]>> {
    const ids = rows
      .filter((r) => r.deleted_at === null && r.kind === 'text')
      .map((r) => String(r.id));
    return this.attachments.forMessages(ids);
  }

  /** Per message, each emoji in the order it was first used, with the first reactors. */
  private async reactionsOf(rows: MessageRow[]): Promise<Map<string, Reaction[]>> {
    const ids = rows.filter((r) => r.deleted_at === null && r.kind !== 'system').map((r) => r.id);
    if (ids.length === 0) return new Map();
    const found: ReactionRow[] = await this.db.query(
      `SELECT message_id, emoji, count(*)::int AS count,
              (array_agg(user_id ORDER BY created_at, user_id))[1:$2::int] AS user_ids
       FROM message_reactions WHERE message_id = ANY($1::bigint[])
       GROUP BY message_id, emoji ORDER BY message_id, min(created_at), emoji`,
      [ids, LIMITS.reactionUserIdsShown],
    );
    const byMessage = new Map<string, Reaction[]>();
    for (const row of found) {
      const list = byMessage.get(String(row.message_id)) ?? [];
      list.push({ emoji: row.emoji, count: row.count, userIds: row.user_ids });
      byMessage.set(String(row.message_id), list);
    }
    return byMessage;
  }
}

function replyPreview(
  row: MessageRow,
  parents: Map<string, ParentRow>,
  senders: Map<string, PresenceUser>,
): ReplyPreview | null {
  if (!row.reply_to_id) return null;
  const parent = parents.get(String(row.reply_to_id));
  if (!parent) return null;
  const sender = parent.sender_kind === 'user' ? senders.get(parent.sender_id) : undefined;
  return {
    id: String(parent.id),
    seq: Number(parent.seq),
    senderName: sender?.displayName ?? parent.sender_name,
    excerpt: parent.deleted ? '' : (row.reply_excerpt ?? ''),
  };
}
