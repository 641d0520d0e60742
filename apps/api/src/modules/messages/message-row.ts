import type { Message, PresenceUser } from '@chat/contracts';

/** A row of `messages`, as the SQL of this module selects it. */
export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: string;
  sender_id: string;
  sender_kind: 'user' | 'guest';
  sender_name: string;
  body: string;
  client_msg_id: string;
  kind: 'text' | 'system';
  via_bot: boolean;
  created_at: Date;
}

/** Columns of a message, for SELECTs over `messages m`. */
export const MESSAGE_COLUMNS = `m.id, m.conversation_id, m.seq, m.sender_id, m.sender_kind, m.sender_name,
  m.body, m.client_msg_id, m.kind, m.via_bot, m.created_at`;

/**
 * `sender` is the author's current look (name, username, colour) when the author is a user: a
 * renamed person's messages show the name they have now. `sender_name` stays as posted (for
 * history and search), and system lines keep it, since their text ("X joined") quotes it.
 */
export function toMessage(row: MessageRow, sender: PresenceUser | undefined): Message {
  return {
    id: String(row.id),
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    rev: Number(row.seq),
    sender: {
      id: row.sender_id,
      kind: row.sender_kind,
      name: row.kind === 'text' && sender ? sender.displayName : row.sender_name,
      ...(sender?.username ? { username: sender.username } : {}),
      ...(sender?.avatarColor ? { avatarColor: sender.avatarColor } : {}),
    },
    body: row.body,
    clientMsgId: row.client_msg_id,
    kind: row.kind,
    viaBot: row.via_bot,
    createdAt: row.created_at.toISOString(),
    editedAt: null,
    deletedAt: null,
    replyTo: null,
    mentions: [],
    reactions: [],
    attachments: [],
    pinned: false,
    game: null,
  };
}

/** The user ids among the senders of these rows (guests have no profile to look up). */
export function userSenderIds(rows: Array<Pick<MessageRow, 'sender_id' | 'sender_kind'>>) {
  return [...new Set(rows.filter((r) => r.sender_kind === 'user').map((r) => r.sender_id))];
}
