import { z } from 'zod';
import { conversationKindSchema } from './conversations.js';
import { idSchema } from './ids.js';
import { LIMITS } from './limits.js';
import { messageSchema } from './messages.js';
import { atMost, storedText } from './text.js';

/** GET /api/search: full-text search over the messages the caller can read, newest first. */
export const searchQuerySchema = z
  .object({
    q: storedText()
      .min(1, 'Type something to search for')
      .max(LIMITS.searchQueryMax, atMost(LIMITS.searchQueryMax))
      .describe(
        'What to look for, in web-search syntax: words (all must match), "a phrase", `or`, `-word` to exclude. 1–200 characters.',
      ),
    conversationId: idSchema
      .optional()
      .describe('Only this conversation (one the caller can read; otherwise 404).'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(LIMITS.searchPageMax)
      .default(LIMITS.searchPageDefault)
      .describe(`Results per page, 1–${LIMITS.searchPageMax}.`),
    cursor: z
      .string()
      .max(512)
      .optional()
      .describe('The `nextCursor` of the previous page, as it came.'),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** Where a hit is: enough to name the conversation and open it. */
export const searchConversationSchema = z.object({
  id: z.uuid(),
  kind: conversationKindSchema,
  /** A room's name; for a direct thread the other person's name; a group's name or its people. */
  name: z.string(),
  /** Rooms and general (the web route `/rooms/:slug`). */
  slug: z.string().optional(),
  /** A direct thread: the other person's username (the web route `/u/:username`). */
  username: z.string().optional(),
});
export type SearchConversation = z.infer<typeof searchConversationSchema>;

/** `[start, end)`: JavaScript string indices (UTF-16 code units) into `message.body`. */
export const highlightRangeSchema = z.tuple([z.number().int(), z.number().int()]);
export type HighlightRange = z.infer<typeof highlightRangeSchema>;

export const searchHitSchema = z.object({
  message: messageSchema,
  conversation: searchConversationSchema,
  /** The words of the body that matched, in order, not overlapping. */
  highlights: z.array(highlightRangeSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  items: z.array(searchHitSchema),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
