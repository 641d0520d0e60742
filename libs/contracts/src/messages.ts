import { z } from 'zod';
import { LIMITS } from './limits.js';
import { storedText } from './text.js';

export const senderKindSchema = z.enum(['user', 'guest']);
export type SenderKind = z.infer<typeof senderKindSchema>;

export const messageSenderSchema = z.object({
  id: z.string(),
  kind: senderKindSchema,
  name: z.string(),
  username: z.string().optional(),
  avatarColor: z.string().optional(),
});
export type MessageSender = z.infer<typeof messageSenderSchema>;

/** A message id as clients send it: the decimal string of a positive bigint. */
export const messageIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,17}$/, 'must be a message id (a positive decimal number)');

/** The parent of a reply, as it was when the reply was written (`excerpt` "" once deleted). */
export const replyPreviewSchema = z.object({
  id: z.string(),
  seq: z.number().int().positive(),
  senderName: z.string(),
  excerpt: z.string(),
});
export type ReplyPreview = z.infer<typeof replyPreviewSchema>;

/** One emoji on a message: how many reacted with it, and the first 50 of them. */
export const reactionSchema = z.object({
  emoji: z.string(),
  count: z.number().int().positive(),
  userIds: z.array(z.string()),
});
export type Reaction = z.infer<typeof reactionSchema>;

/**
 * A stored file (`POST /api/uploads`). `contentType` comes from the bytes, not the client;
 * images (png, jpeg, gif, webp) have width, height and a webp thumbnail (≤ 512 px). `url` and
 * `thumbUrl` are signed and expire within an hour: take fresh ones from a fresh message.
 */
export const attachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  contentType: z.string(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  url: z.string(),
  thumbUrl: z.string().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const gameSeatSchema = z.object({
  kind: z.enum(['user', 'ai', 'open']),
  userId: z.string().optional(),
  name: z.string().optional(),
});
export type GameSeat = z.infer<typeof gameSeatSchema>;

/** A tic-tac-toe game (the message's `game` when `kind` is `game`). */
export const gameStateSchema = z.object({
  board: z.string().length(9),
  turn: z.enum(['X', 'O']),
  seats: z.object({ X: gameSeatSchema, O: gameSeatSchema }),
  status: z.enum(['playing', 'x_won', 'o_won', 'draw']),
  line: z.array(z.number().int()).nullable(),
});
export type GameState = z.infer<typeof gameStateSchema>;

export const messageKindSchema = z.enum(['text', 'system', 'game']);
export type MessageKind = z.infer<typeof messageKindSchema>;

/**
 * A stored message. `id` is a decimal string (a bigint in the database). `seq` is the number it
 * got when it was created (history is ordered by it); `rev` is the conversation's change counter
 * at its latest change (`rev === seq` until it is edited, deleted or reacted to).
 */
export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.uuid(),
  seq: z.number().int().positive(),
  rev: z.number().int().positive(),
  sender: messageSenderSchema,
  /** "" once deleted. */
  body: z.string(),
  clientMsgId: z.uuid(),
  kind: messageKindSchema,
  viaBot: z.boolean(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  /** A deleted message stays as a tombstone: empty body, no reactions, no attachments. */
  deletedAt: z.string().nullable(),
  replyTo: replyPreviewSchema.nullable(),
  /** Ids of the users mentioned as `@username` who can read the conversation. */
  mentions: z.array(z.string()),
  reactions: z.array(reactionSchema),
  attachments: z.array(attachmentSchema),
  pinned: z.boolean(),
  game: gameStateSchema.nullable(),
});
export type Message = z.infer<typeof messageSchema>;

/** A message body: trimmed, 1–4000 characters. */
export const messageBodySchema = storedText()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.messageBodyMax, `at most ${LIMITS.messageBodyMax} characters`);

const seqParam = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** `before` and `after` are exclusive cursors; with neither, the newest page is returned. */
export const historyQuerySchema = z
  .object({
    before: seqParam.optional(),
    after: seqParam.optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(LIMITS.historyPageMax)
      .default(LIMITS.historyPageDefault),
  })
  .strict()
  .refine((q) => q.before === undefined || q.after === undefined, {
    message: 'use either before or after, not both',
    path: ['before'],
  });
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export const messagePageSchema = z.object({
  items: z.array(messageSchema),
  hasMore: z.boolean(),
});
export type MessagePage = z.infer<typeof messagePageSchema>;

/** GET /api/conversations/:id/pins: the pinned messages, the newest pin first. */
export const pinnedListSchema = z.object({ items: z.array(messageSchema) });
export type PinnedList = z.infer<typeof pinnedListSchema>;

/** GET /api/conversations/:id/changes: every message whose `rev` is after `after`, by `rev`. */
export const changesQuerySchema = z
  .object({
    after: seqParam.describe(
      'Exclusive cursor: the largest `seq` or `rev` the client holds; every message created or changed after it is returned',
    ),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(LIMITS.missedOnJoinMax)
      .default(LIMITS.missedOnJoinMax),
  })
  .strict();
export type ChangesQuery = z.infer<typeof changesQuerySchema>;

export const readBodySchema = z.object({ seq: seqParam }).strict();
export type ReadBody = z.infer<typeof readBodySchema>;

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
const PICTOGRAPHIC = /^(\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3)/u;

/** One emoji grapheme: a pictograph with its modifiers or ZWJ sequence, a flag or a keycap. */
export function isSingleEmoji(value: string): boolean {
  const graphemes = [...GRAPHEMES.segment(value)];
  return graphemes.length === 1 && PICTOGRAPHIC.test(value);
}

export const emojiSchema = z
  .string()
  .min(1)
  .max(LIMITS.emojiMaxLength)
  .refine(isSingleEmoji, 'must be one emoji');

/** Uploads a message carries (`Attachment.id`s of the sender's own unused uploads). */
export const attachmentIdsSchema = z
  .array(z.uuid().toLowerCase())
  .max(LIMITS.attachmentsPerMessageMax, `at most ${LIMITS.attachmentsPerMessageMax} attachments`)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an attachment');

/** A body as sent with a message: trimmed, at most 4000 characters, empty only with attachments. */
export const sentBodySchema = storedText()
  .trim()
  .max(LIMITS.messageBodyMax, `at most ${LIMITS.messageBodyMax} characters`);

/** `body` may be empty only when the message carries attachments. */
export function bodyOrAttachments(send: { body: string; attachmentIds?: string[] }): boolean {
  return send.body.length > 0 || (send.attachmentIds?.length ?? 0) > 0;
}
export const EMPTY_BODY_ISSUE = {
  message: 'must not be empty (unless the message carries attachments)',
  path: ['body'],
};

/** POST /api/conversations/:id/messages: a send for scripts and bots, idempotent by clientMsgId. */
export const sendMessageBodySchema = z
  .object({
    clientMsgId: z.uuid().toLowerCase(),
    body: sentBodySchema,
    replyToId: messageIdSchema.optional(),
    attachmentIds: attachmentIdsSchema.optional(),
  })
  .strict()
  .refine(bodyOrAttachments, EMPTY_BODY_ISSUE);
export type SendMessageBody = z.infer<typeof sendMessageBodySchema>;

/** PATCH /api/messages/:id. */
export const editMessageBodySchema = z.object({ body: messageBodySchema }).strict();
export type EditMessageBody = z.infer<typeof editMessageBodySchema>;

const messageIdParam = messageIdSchema.describe('Message id (a decimal number, as `Message.id`)');
export const messageIdParamSchema = z.object({ id: messageIdParam });
export const reactionParamsSchema = z.object({
  id: messageIdParam,
  emoji: emojiSchema.describe('One emoji, percent-encoded in the path (`%F0%9F%91%8D` is 👍)'),
});

/** GET /api/attachments/:attachmentId (and `/thumb`). */
export const attachmentIdParamSchema = z.object({
  attachmentId: z.uuid().toLowerCase().describe('Attachment id (`Attachment.id`, a uuid)'),
});

/** The signature of `Attachment.url` / `thumbUrl`; without it the bearer token is needed. */
export const attachmentDownloadQuerySchema = z
  .object({
    exp: z
      .string()
      .max(16)
      .optional()
      .describe('Expiry of the signed URL (Unix seconds), as in `Attachment.url`'),
    sig: z.string().max(128).optional().describe('Signature of the URL, as in `Attachment.url`'),
  })
  .strict();
export type AttachmentDownloadQuery = z.infer<typeof attachmentDownloadQuerySchema>;
