import type { Message } from '@chat/contracts';

/** A messages row joined with the sender's current username and colour (users only). */
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
  username: string | null;
  avatar_color: string | null;
}

export function toMessage(row: MessageRow): Message {
  return {
    id: String(row.id),
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    sender: {
      id: row.sender_id,
      kind: row.sender_kind,
      name: row.sender_name,
      ...(row.username ? { username: row.username } : {}),
      ...(row.avatar_color ? { avatarColor: row.avatar_color } : {}),
    },
    body: row.body,
    clientMsgId: row.client_msg_id,
    kind: row.kind,
    viaBot: row.via_bot,
    createdAt: row.created_at.toISOString(),
  };
}

/** Columns of a message joined with its sender, for SELECTs over `messages m`. */
export const MESSAGE_COLUMNS = `m.id, m.conversation_id, m.seq, m.sender_id, m.sender_kind, m.sender_name,
  m.body, m.client_msg_id, m.kind, m.via_bot, m.created_at, u.username, u.avatar_color`;
export const SENDER_JOIN = `LEFT JOIN users u ON u.id = m.sender_id AND m.sender_kind = 'user'`;
