import type {
  Attachment,
  GameState,
  Message,
  PresenceUser,
  Reaction,
  ReplyPreview,
} from '@chat/contracts';

/** A row of `messages`, as the SQL of this module selects it. */
export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: string;
  rev: string;
  sender_id: string;
  sender_kind: 'user' | 'guest';
  sender_name: string;
  body: string;
  client_msg_id: string;
  kind: 'text' | 'system' | 'game';
  via_bot: boolean;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  reply_to_id: string | null;
  reply_excerpt: string | null;
  mentions: string[];
  /** The game of a `kind: 'game'` message (jsonb), else null. */
  game: GameState | null;
  pinned_at: Date | null;
}

/** Columns of a message, for SELECTs over `messages m`. */
export const MESSAGE_COLUMNS = `m.id, m.conversation_id, m.seq, m.rev, m.sender_id, m.sender_kind,
  m.sender_name, m.body, m.client_msg_id, m.kind, m.via_bot, m.created_at, m.edited_at,
  m.deleted_at, m.reply_to_id, m.reply_excerpt, m.mentions, m.game, m.pinned_at`;

/** What a row needs from elsewhere to become a contract message. */
export interface MessageContext {
  sender: PresenceUser | undefined;
  replyTo: ReplyPreview | null;
  reactions: Reaction[];
  attachments?: Attachment[];
}

/**
 * `sender` is the author's current look (name, username, colour) when the author is a user: a
 * renamed person's messages show the name they have now. `sender_name` stays as posted (for
 * history and search), and system lines keep it, since their text ("X joined") quotes it.
 * A deleted message is a tombstone: no body, no reactions, no mentions, no game.
 */
export function toMessage(row: MessageRow, context: MessageContext): Message {
  const { sender } = context;
  const deleted = row.deleted_at !== null;
  return {
    id: String(row.id),
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    rev: Number(row.rev),
    sender: {
      id: row.sender_id,
      kind: row.sender_kind,
      name: row.kind !== 'system' && sender ? sender.displayName : row.sender_name,
      ...(sender?.username ? { username: sender.username } : {}),
      ...(sender?.avatarColor ? { avatarColor: sender.avatarColor } : {}),
    },
    body: deleted ? '' : row.body,
    clientMsgId: row.client_msg_id,
    kind: row.kind,
    viaBot: row.via_bot,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
    replyTo: context.replyTo,
    mentions: deleted ? [] : row.mentions,
    reactions: deleted ? [] : context.reactions,
    attachments: deleted ? [] : (context.attachments ?? []),
    pinned: row.pinned_at !== null,
    game: deleted ? null : row.game,
  };
}

/** The user ids among the senders of these rows (guests have no profile to look up). */
export function userSenderIds(rows: Array<Pick<MessageRow, 'sender_id' | 'sender_kind'>>) {
  return [...new Set(rows.filter((r) => r.sender_kind === 'user').map((r) => r.sender_id))];
}
