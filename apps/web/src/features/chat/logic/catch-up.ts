import { LIMITS, type JoinResult, type Message, type MessagePage } from '@chat/contracts';

/** Where the changes after a counter value come from. */
export interface ChangesSource {
  /** `GET /api/conversations/:id/changes?after=N`: messages changed after N, ascending by rev. */
  fetchChanges(after: number, limit: number): Promise<MessagePage>;
}

export interface CatchUpSource extends ChangesSource {
  /** `conversation:join` with `afterSeq`: the first changes come with the join. */
  join(afterSeq: number): Promise<JoinResult>;
}

export interface ChangesResult {
  /** Every message changed after `after`, ascending by rev (a message may come more than once). */
  messages: Message[];
  /** The counter value the changes reach: everything up to it is in `messages`. */
  through: number;
  /** False when the run was too long to page through: the caller should reload the newest page. */
  complete: boolean;
}

export interface CatchUpResult extends ChangesResult {
  join: JoinResult;
}

const DEFAULT_MAX_PAGES = 10;

/**
 * (Re)joins a conversation and brings every change since `afterSeq` (new messages, edits,
 * deletes, reactions): the join brings up to 200, and while the server says there is more,
 * `changes` pages follow.
 */
export async function catchUp(
  afterSeq: number,
  source: CatchUpSource,
  maxPages = DEFAULT_MAX_PAGES,
): Promise<CatchUpResult> {
  const join = await source.join(afterSeq);
  const first = { items: join.missed, hasMore: join.hasMore };
  const rest = await followChanges(afterSeq, first, source, maxPages);
  return { join, ...rest };
}

/**
 * Fetches the changes after `after`, page after page while `hasMore` (a live message showed
 * that something went missing, or a reconnect's join left more to fetch).
 */
export function fetchChangesAfter(
  after: number,
  source: ChangesSource,
  maxPages = DEFAULT_MAX_PAGES,
): Promise<ChangesResult> {
  return followChanges(after, null, source, maxPages);
}

async function followChanges(
  after: number,
  first: MessagePage | null,
  source: ChangesSource,
  maxPages: number,
): Promise<ChangesResult> {
  const messages: Message[] = [];
  let through = after;
  let page = first;
  let fetched = 0;
  for (;;) {
    if (!page) {
      if (fetched >= maxPages) return { messages, through, complete: false };
      fetched += 1;
      page = await source.fetchChanges(through, LIMITS.missedOnJoinMax);
    }
    messages.push(...page.items);
    through = Math.max(through, page.items.at(-1)?.rev ?? through);
    if (!page.hasMore || page.items.length === 0) return { messages, through, complete: true };
    page = null;
  }
}
