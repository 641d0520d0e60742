import { z } from 'zod';
import type { Guest } from './auth.js';
import type { Conversation, Thread } from './conversations.js';
import type { ErrorCode, ErrorDetails } from './errors.js';
import type { GameMovePayload, GameStartPayload } from './games.js';
import { idSchema } from './ids.js';
import {
  attachmentIdsSchema,
  bodyOrAttachments,
  EMPTY_BODY_ISSUE,
  emojiSchema,
  messageBodySchema,
  messageIdSchema,
  sentBodySchema,
  type Message,
} from './messages.js';
import type {
  PresenceChangedPayload,
  PresenceWatchPayload,
  PresenceWatchResult,
  ServerReconnectPayload,
} from './presence.js';
import type { PublicUser } from './users.js';

// ---- client → server payloads ----

const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const joinPayloadSchema = z.object({
  conversationId: idSchema,
  afterSeq: seq.optional(),
});
export type JoinPayload = z.infer<typeof joinPayloadSchema>;

export const leavePayloadSchema = z.object({ conversationId: idSchema });
export type LeavePayload = z.infer<typeof leavePayloadSchema>;

export const sendPayloadSchema = z
  .object({
    conversationId: idSchema,
    clientMsgId: idSchema,
    /** May be empty only with attachments. */
    body: sentBodySchema,
    /** A message of the same conversation this one answers. */
    replyToId: messageIdSchema.optional(),
    /** The sender's own uploads, not used by another message (≤ 10). */
    attachmentIds: attachmentIdsSchema.optional(),
  })
  .refine(bodyOrAttachments, EMPTY_BODY_ISSUE);
export type SendPayload = z.infer<typeof sendPayloadSchema>;

export const editPayloadSchema = z.object({ messageId: messageIdSchema, body: messageBodySchema });
export type EditPayload = z.infer<typeof editPayloadSchema>;

export const deletePayloadSchema = z.object({ messageId: messageIdSchema });
export type DeletePayload = z.infer<typeof deletePayloadSchema>;

/** `reaction:add` and `reaction:remove`. */
export const reactionPayloadSchema = z.object({ messageId: messageIdSchema, emoji: emojiSchema });
export type ReactionPayload = z.infer<typeof reactionPayloadSchema>;

/** `message:pin`: pin (`true`) or unpin a message. */
export const pinPayloadSchema = z.object({ messageId: messageIdSchema, pinned: z.boolean() });
export type PinPayload = z.infer<typeof pinPayloadSchema>;

export const typingPayloadSchema = z.object({
  conversationId: idSchema,
  isTyping: z.boolean(),
});
export type TypingPayload = z.infer<typeof typingPayloadSchema>;

export const readPayloadSchema = z.object({ conversationId: idSchema, seq });
export type ReadPayload = z.infer<typeof readPayloadSchema>;

/**
 * `auth:refresh`: a fresh access token for the same person, sent when the server says
 * `auth:expiring`. Tokens are printable ASCII (a JWT is base64url and dots).
 */
export const authRefreshPayloadSchema = z.object({
  token: z
    .string()
    .min(1)
    .max(4096)
    .regex(/^[\x21-\x7e]+$/, 'must be an access token'),
});
export type AuthRefreshPayload = z.infer<typeof authRefreshPayloadSchema>;

// ---- acknowledgements ----

/** `errorId` comes with INTERNAL only: the id the server logged the failure under. */
export type AckError = {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
  errorId?: string;
};
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type AckCallback<T> = (response: Ack<T>) => void;

/** Guests appear as `{id, displayName}` only. */
export type PresenceUser = {
  id: string;
  displayName: string;
  username?: string;
  avatarColor?: string;
};

export type JoinResult = {
  conversation: Conversation;
  /** Who is here: at most `LIMITS.presenceListedMax` of them (any of them); see presenceCount. */
  presence: PresenceUser[];
  /** How many people have the conversation open now. */
  presenceCount: number;
  missed: Message[];
  hasMore: boolean;
};

// ---- server → client payloads ----

export type SessionPayload = {
  user: PublicUser | null;
  guest: Guest | null;
  serverTime: string;
};
export type TypingBroadcast = { conversationId: string; user: PresenceUser; isTyping: boolean };
/** To a mentioned user's personal room, whether or not the conversation is open. */
export type MentionPayload = { conversationId: string; message: Message };
export type NoticePayload = { conversationId: string; text: string };
/**
 * To the user's personal room when they are out of a conversation: they left it (in another
 * tab), a moderator kicked or banned them, or it was deleted. Their sockets have already left it.
 */
export type ConversationRemovedPayload = {
  conversationId: string;
  reason: 'left' | 'kicked' | 'banned' | 'deleted';
};
/** The socket's access token expires at `expiresAt`: answer with `auth:refresh` before then. */
export type AuthExpiringPayload = { expiresAt: string };
/** `auth:refresh` accepted: the socket now lives until the new token's `expiresAt`. */
export type AuthRefreshResult = { expiresAt: string };

/**
 * Payload of a `connect_error` raised by the handshake. INTERNAL means the server could not
 * check the token right now (try again); the other two are about the token itself.
 */
export type ConnectErrorData = {
  code: Extract<ErrorCode, 'UNAUTHORIZED' | 'TOKEN_EXPIRED' | 'RATE_LIMITED' | 'INTERNAL'>;
  /** With RATE_LIMITED (too many sockets): when a new connection would be accepted. */
  retryAfterMs?: number;
  /** With INTERNAL: the id the server logged the failure under. */
  errorId?: string;
};

export interface ClientToServerEvents {
  'conversation:join': (payload: JoinPayload, ack: AckCallback<JoinResult>) => void;
  'conversation:leave': (payload: LeavePayload, ack: AckCallback<null>) => void;
  'message:send': (payload: SendPayload, ack: AckCallback<Message>) => void;
  'message:edit': (payload: EditPayload, ack: AckCallback<Message>) => void;
  'message:delete': (payload: DeletePayload, ack: AckCallback<Message>) => void;
  'reaction:add': (payload: ReactionPayload, ack: AckCallback<Message>) => void;
  'reaction:remove': (payload: ReactionPayload, ack: AckCallback<Message>) => void;
  /** A new `kind: 'game'` message (tic-tac-toe) in the conversation. */
  'game:start': (payload: GameStartPayload, ack: AckCallback<Message>) => void;
  /** A move in the game of that message: a change of it, with a new `rev`. */
  'game:move': (payload: GameMovePayload, ack: AckCallback<Message>) => void;
  'message:pin': (payload: PinPayload, ack: AckCallback<Message>) => void;
  typing: (payload: TypingPayload, ack: AckCallback<null>) => void;
  'conversation:read': (payload: ReadPayload, ack: AckCallback<null>) => void;
  'auth:refresh': (payload: AuthRefreshPayload, ack: AckCallback<AuthRefreshResult>) => void;
  'presence:watch': (payload: PresenceWatchPayload, ack: AckCallback<PresenceWatchResult>) => void;
}

export interface ServerToClientEvents {
  session: (payload: SessionPayload) => void;
  'message:new': (message: Message) => void;
  /** An edit, delete, reaction or game move: the message as it is now, with its new `rev`. */
  'message:updated': (message: Message) => void;
  'mention:new': (payload: MentionPayload) => void;
  'thread:new': (payload: { thread: Thread }) => void;
  'conversation:removed': (payload: ConversationRemovedPayload) => void;
  // v2: presence:join/leave and user:online/offline are replaced by presence:changed.
  'presence:changed': (payload: PresenceChangedPayload) => void;
  /** Only to the sockets that watch the user (and the user's own). */
  'user:updated': (user: PublicUser) => void;
  'server:reconnect': (payload: ServerReconnectPayload) => void;
  typing: (payload: TypingBroadcast) => void;
  'system:notice': (payload: NoticePayload) => void;
  /**
   * The access token this socket was opened (or last refreshed) with expires soon; a socket
   * that has not sent `auth:refresh` by `expiresAt` is disconnected by the server.
   */
  'auth:expiring': (payload: AuthExpiringPayload) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
export type ServerEventName = keyof ServerToClientEvents;
