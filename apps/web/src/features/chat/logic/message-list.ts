import type { Message, MessageSender } from '@chat/contracts';

/** A message of ours the server has not stored yet: waiting for its ack, or given up on. */
export interface LocalMessage {
  clientMsgId: string;
  conversationId: string;
  body: string;
  sender: MessageSender;
  createdAt: string;
  status: 'pending' | 'failed';
  error?: string;
}

/**
 * One conversation as the client holds it: stored messages ascending by `seq` with unique ids,
 * then our own unsent ones in the order they were written.
 */
export interface MessageList {
  messages: Message[];
  local: LocalMessage[];
  /** Older history exists on the server (scroll up to load it). */
  hasMoreBefore: boolean;
}

export function emptyList(hasMoreBefore = false): MessageList {
  return { messages: [], local: [], hasMoreBefore };
}

export function lastSeq(list: MessageList): number {
  return list.messages.at(-1)?.seq ?? 0;
}

export function firstSeq(list: MessageList): number | undefined {
  return list.messages[0]?.seq;
}

/**
 * Adds stored messages wherever their `seq` puts them, whatever order they arrive in. A message
 * already held (same id, or same seq) is dropped; one that answers a local message replaces it.
 * Returns the same list when nothing changed, so React can skip the render.
 */
export function mergeMessages(list: MessageList, incoming: readonly Message[]): MessageList {
  const ids = new Set(list.messages.map((message) => message.id));
  const seqs = new Set(list.messages.map((message) => message.seq));
  const fresh: Message[] = [];
  for (const message of incoming) {
    if (ids.has(message.id) || seqs.has(message.seq)) continue;
    ids.add(message.id);
    seqs.add(message.seq);
    fresh.push(message);
  }
  const answered = new Set(
    incoming.map((message) => localKey(message.sender.id, message.clientMsgId)),
  );
  const local = list.local.filter(
    (item) => !answered.has(localKey(item.sender.id, item.clientMsgId)),
  );
  if (fresh.length === 0 && local.length === list.local.length) return list;

  let messages = list.messages;
  if (fresh.length > 0) {
    messages = [...list.messages];
    for (const message of fresh.sort((a, b) => a.seq - b.seq)) insertBySeq(messages, message);
  }
  return { ...list, messages, local };
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

/** Older history from REST: merged like anything else, and it tells whether more exists. */
export function addHistoryPage(
  list: MessageList,
  page: { items: Message[]; hasMore: boolean },
): MessageList {
  return { ...mergeMessages(list, page.items), hasMoreBefore: page.hasMore };
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
