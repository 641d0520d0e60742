import type { HighlightRange, Message } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { MessageHydrator } from './message-hydrator.js';
import { MESSAGE_COLUMNS, type MessageRow } from './message-row.js';
import {
  HEADLINE_OPTIONS,
  MARK_END,
  MARK_STAND_IN,
  MARK_START,
  rangesFromHeadline,
} from './search-highlights.js';

/**
 * The text-search configuration of `messages.search_vector` (migration 1765100000000). The
 * query must be parsed with the same one, or its words would not be the column's lexemes.
 */
export const SEARCH_CONFIG = 'simple';

export interface MessageSearchRequest {
  /** What the person typed, in `websearch_to_tsquery` syntax. */
  text: string;
  /**
   * SQL selecting the ids of the conversations the reader may read, with `$1` the reader's
   * user id (the conversations module owns those rules and tables). It runs inside the search
   * query, so access is decided by the same statement that finds the messages.
   */
  readableConversationIds: string;
  readerId: string;
  /** Only this conversation (already checked readable by the caller). */
  conversationId?: string;
  /** Keyset: only messages older (smaller id) than this one. */
  beforeId?: string;
  limit: number;
}

export interface MessageSearchHit {
  message: Message;
  highlights: HighlightRange[];
}

export interface MessageSearchPage {
  hits: MessageSearchHit[];
  /** The id to continue before, null when this was the last page. */
  nextBeforeId: string | null;
}

/**
 * The page's rows, newest first, each with its headline (the body with the matches marked). The
 * tsquery is written inline, not in a CTE: planned with the text as a constant, PostgreSQL folds
 * it and estimates from the column's statistics how many rows match (a CTE hides that, and the
 * planner then walked the primary key through every row for a rare pair of words).
 * Parameters: $1 reader id, $2 text, $3 conversation id or null, $4 before id or null, $5 limit,
 * $6 headline options.
 */
export const searchSql = (readable: string) => `
  WITH hits AS (
    SELECT ${MESSAGE_COLUMNS} FROM messages m
    WHERE m.search_vector @@ websearch_to_tsquery('${SEARCH_CONFIG}', $2)
      AND m.conversation_id IN (${readable})
      AND ($3::uuid IS NULL OR m.conversation_id = $3::uuid)
      AND ($4::bigint IS NULL OR m.id < $4::bigint)
    ORDER BY m.id DESC
    LIMIT $5
  )
  SELECT hits.*, ts_headline('${SEARCH_CONFIG}',
           translate(hits.body, '${MARK_START}${MARK_END}', '${MARK_STAND_IN}${MARK_STAND_IN}'),
           websearch_to_tsquery('${SEARCH_CONFIG}', $2), $6) AS headline
  FROM hits ORDER BY hits.id DESC`;

/**
 * Full-text search over `messages.search_vector` (a generated column with a GIN index): the
 * messages module's half of GET /api/search. Newest first by id, a keyset page at a time.
 */
@Injectable()
export class MessageSearch {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hydrator: MessageHydrator,
  ) {}

  async search(request: MessageSearchRequest): Promise<MessageSearchPage> {
    const rows: Array<MessageRow & { headline: string }> = await this.db.query(
      searchSql(request.readableConversationIds),
      [
        request.readerId,
        request.text,
        request.conversationId ?? null,
        request.beforeId ?? null,
        request.limit + 1,
        HEADLINE_OPTIONS,
      ],
    );
    // Only an empty answer can come from a query with no word in it: checked then, not before.
    if (rows.length === 0) await this.assertSearchable(request.text);
    const page = rows.slice(0, request.limit);
    const messages = await this.hydrator.toMessages(page);
    return {
      hits: messages.map((message, index) => ({
        message,
        highlights: rangesFromHeadline(message.body, page[index]!.headline),
      })),
      nextBeforeId: rows.length > request.limit ? String(page.at(-1)!.id) : null,
    };
  }

  /**
   * `websearch_to_tsquery` accepts any text, but text with no word in it (`"`, `!`, `&|`)
   * becomes an empty query that matches nothing: that is a VALIDATION error, not an empty page.
   */
  private async assertSearchable(text: string): Promise<void> {
    const [row]: Array<{ words: number }> = await this.db.query(
      `SELECT numnode(websearch_to_tsquery('${SEARCH_CONFIG}', $1)) AS words`,
      [text],
    );
    if (!row || row.words === 0)
      throw new AppError('VALIDATION', 'Nothing to search for: type a word', [
        { path: 'q', message: 'has no word to search for' },
      ]);
  }
}
