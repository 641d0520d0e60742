import type { Message, MessageSender, ReplyPreview } from '@chat/contracts';

/** A message of ours the server has not stored yet: waiting for its ack, or given up on. */
export interface LocalMessage {
  clientMsgId: string;
  conversationId: string;
  body: string;
  sender: MessageSender;
  createdAt: string;
  status: 'pending' | 'failed';
  error?: string;
  /** The message it answers, shown above it while it is on its way. */
  replyTo?: ReplyPreview;
}

/**
 * One conversation as the client holds it: stored messages ascending by `seq`, one per id (the
 * latest `rev` of each), then our own unsent ones in the order they were written.
 */
export interface MessageList {
  messages: Message[];
  local: LocalMessage[];
  /** Older history exists on the server (scroll up to load it). */
  hasMoreBefore: boolean;
  /**
   * The catch-up cursor: every change of the conversation up to this counter value is reflected
   * here. It only moves over change numbers known to be contiguous, so `changes?after=lastSeq`
   * always brings exactly what is missing.
   */
  lastSeq: number;
  /** Change numbers seen past `lastSeq + 1` (something before them went missing), ascending. */
  ahead: number[];
}

export function emptyList(hasMoreBefore = false): MessageList {
  return { messages: [], local: [], hasMoreBefore, lastSeq: 0, ahead: [] };
}

export function lastSeq(list: MessageList): number {
  return list.lastSeq;
}

export function firstSeq(list: MessageList): number | undefined {
  return list.messages[0]?.seq;
}

/** A change number arrived that does not follow the cursor: the changes before it are missing. */
export function hasGap(list: MessageList): boolean {
  return list.ahead.length > 0;
}

/** The largest `seq` among stored messages, for read markers and unread counts. */
export function newestSeq(list: MessageList): number {
  return list.messages.at(-1)?.seq ?? 0;
}

/**
 * Live messages (`message:new`, `message:updated`, our own acks), one change number each
 * (`rev`, which is `seq` for a new message). They are shown at once; the cursor moves over
 * them only while their numbers follow on, and any number past `lastSeq + 1` is kept in
 * `ahead` until the gap before it is filled, which `hasGap` reports.
 * Returns the same list when nothing changed, so React can skip the render.
 */
export function mergeMessages(list: MessageList, incoming: readonly Message[]): MessageList {
  const shown = showMessages(list, incoming, false);
  return advance(
    shown,
    incoming.map((message) => message.rev),
  );
}

/**
 * A complete run of changes (a join's `missed`, a `changes` page): every change up to
 * `through` is in it, so the cursor moves there whatever it holds.
 */
export function applyChanges(
  list: MessageList,
  items: readonly Message[],
  through: number,
): MessageList {
  const shown = showMessages(list, items, false);
  if (through <= shown.lastSeq)
    return advance(
      shown,
      items.map((m) => m.rev),
    );
  return advance({ ...shown, lastSeq: through }, []);
}

/** The newest page over REST: it reflects every change up to its newest `rev`. */
export function listFromNewestPage(page: { items: Message[]; hasMore: boolean }): MessageList {
  const list = showMessages(emptyList(page.hasMore), page.items, true);
  const newest = page.items.reduce((max, message) => Math.max(max, message.rev), 0);
  return { ...list, lastSeq: newest };
}

/**
 * Older history from REST: merged like anything else, and it tells whether more exists. It does
 * not move the cursor: it was read later than the cursor and says nothing about newer changes.
 */
export function addHistoryPage(
  list: MessageList,
  page: { items: Message[]; hasMore: boolean },
): MessageList {
  return { ...showMessages(list, page.items, true), hasMoreBefore: page.hasMore };
}

export function addLocal(list: MessageList, message: LocalMessage): MessageList {
  if (list.local.some((item) => item.clientMsgId === message.clientMsgId)) return list;
  return { ...list, local: [...list.local, message] };
}

export function markFailed(list: MessageList, clientMsgId: string, error: string): MessageList {
  return updateLocal(list, clientMsgId, (item) => ({ ...item, status: 'failed', error }));
}

export function markPending(list: MessageList, clientMsgId: string): MessageList {
  return updateLocal(list, clientMsgId, (item) => ({
    ...item,
    status: 'pending',
    error: undefined,
  }));
}

export function findMessage(list: MessageList, id: string): Message | undefined {
  return list.messages.find((message) => message.id === id);
}

/**
 * Puts messages where their `seq` belongs: a new id is inserted, a held one replaced only by a
 * newer `rev`. One that answers a local message replaces it. While older history is still on
 * the server, a message older than the first one held is left out (the history page brings its
 * current state), so the list never has a hole that "load older" would skip over.
 */
function showMessages(
  list: MessageList,
  incoming: readonly Message[],
  olderHistory: boolean,
): MessageList {
  const positions = new Map(list.messages.map((message, index) => [message.id, index]));
  const seqs = new Set(list.messages.map((message) => message.seq));
  const oldest = firstSeq(list);
  let messages = list.messages;
  const fresh: Message[] = [];
  const freshIds = new Map<string, number>();
  for (const message of incoming) {
    const at = positions.get(message.id);
    if (at !== undefined) {
      if (message.rev > messages[at]!.rev) {
        if (messages === list.messages) messages = [...list.messages];
        messages[at] = message;
      }
      continue;
    }
    const pending = freshIds.get(message.id);
    if (pending !== undefined) {
      if (message.rev > fresh[pending]!.rev) fresh[pending] = message;
      continue;
    }
    if (seqs.has(message.seq)) continue;
    const outsideWindow =
      !olderHistory && list.hasMoreBefore && oldest !== undefined && message.seq < oldest;
    if (outsideWindow) continue;
    freshIds.set(message.id, fresh.length);
    fresh.push(message);
  }
  const answered = new Set(
    incoming.map((message) => localKey(message.sender.id, message.clientMsgId)),
  );
  const local = list.local.filter(
    (item) => !answered.has(localKey(item.sender.id, item.clientMsgId)),
  );
  if (fresh.length === 0 && messages === list.messages && local.length === list.local.length)
    return list;
  if (fresh.length > 0) {
    if (messages === list.messages) messages = [...list.messages];
    for (const message of fresh.sort((a, b) => a.seq - b.seq)) insertBySeq(messages, message);
  }
  return { ...list, messages, local };
}

/** Moves the cursor over `values` that follow on, and over any earlier `ahead` they connect. */
function advance(list: MessageList, values: readonly number[]): MessageList {
  const pending = new Set(list.ahead);
  for (const value of values) if (value > list.lastSeq) pending.add(value);
  let cursor = list.lastSeq;
  while (pending.has(cursor + 1)) {
    cursor += 1;
    pending.delete(cursor);
  }
  const ahead = [...pending].filter((value) => value > cursor).sort((a, b) => a - b);
  if (cursor === list.lastSeq && sameNumbers(ahead, list.ahead)) return list;
  return { ...list, lastSeq: cursor, ahead };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function localKey(senderId: string, clientMsgId: string): string {
  return `${senderId}/${clientMsgId}`;
}

/** Binary insertion; appending (the common case) costs one comparison. */
function insertBySeq(messages: Message[], message: Message): void {
  const last = messages.at(-1);
  if (!last || last.seq < message.seq) {
    messages.push(message);
    return;
  }
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (messages[middle]!.seq < message.seq) low = middle + 1;
    else high = middle;
  }
  messages.splice(low, 0, message);
}

function updateLocal(
  list: MessageList,
  clientMsgId: string,
  update: (item: LocalMessage) => LocalMessage,
): MessageList {
  if (!list.local.some((item) => item.clientMsgId === clientMsgId)) return list;
  return {
    ...list,
    local: list.local.map((item) => (item.clientMsgId === clientMsgId ? update(item) : item)),
  };
}
