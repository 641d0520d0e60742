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

/** A stored message. `id` is a decimal string (a bigint in the database). */
export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.uuid(),
  seq: z.number().int().positive(),
  sender: messageSenderSchema,
  body: z.string(),
  clientMsgId: z.uuid(),
  kind: z.enum(['text', 'system']),
  viaBot: z.boolean(),
  createdAt: z.string(),
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

export const readBodySchema = z.object({ seq: seqParam }).strict();
export type ReadBody = z.infer<typeof readBodySchema>;
