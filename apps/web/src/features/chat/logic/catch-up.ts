import { LIMITS, type JoinResult, type Message, type MessagePage } from '@chat/contracts';

export interface CatchUpSource {
  /** `conversation:join` with `afterSeq`: the first missed messages come with the join. */
  join(afterSeq: number): Promise<JoinResult>;
  /** REST history after a seq (exclusive), oldest first. */
  fetchAfter(afterSeq: number, limit: number): Promise<MessagePage>;
}

export interface CatchUpResult {
  join: JoinResult;
  /** Everything after `afterSeq` that was fetched, ascending. */
  messages: Message[];
  /** False when the gap was too long to fill: the caller should reload the newest page. */
  complete: boolean;
}

/**
 * (Re)joins a conversation and fills the gap since `afterSeq`: the join brings up to 200
 * missed messages, and while the server says there is more, REST pages follow.
 */
export async function catchUp(
  afterSeq: number,
  source: CatchUpSource,
  maxPages = 10,
): Promise<CatchUpResult> {
  const join = await source.join(afterSeq);
  const messages = [...join.missed];
  let cursor = Math.max(afterSeq, messages.at(-1)?.seq ?? afterSeq);
  let hasMore = join.hasMore;
  for (let page = 0; hasMore && page < maxPages; page += 1) {
    const next = await source.fetchAfter(cursor, LIMITS.historyPageMax);
    messages.push(...next.items);
    hasMore = next.hasMore && next.items.length > 0;
    cursor = next.items.at(-1)?.seq ?? cursor;
  }
  return { join, messages, complete: !hasMore };
}
