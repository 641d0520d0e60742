import {
  isConversationPresence,
  LIMITS,
  type Ack,
  type JoinResult,
  type Message,
  type MessageSender,
  type PinnedList,
  type ReplyPreview,
  type SendPayload,
} from '@chat/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { LiveHandlers } from '../../../lib/live-updates';
import type { ChatSocket } from '../../../lib/socket';
import { randomUuid } from '../../../lib/uuid';
import { catchUp, fetchChangesAfter, type ChangesSource } from '../logic/catch-up';
import {
  addHistoryPage,
  addLocal,
  applyChanges,
  firstSeq,
  hasGap,
  listFromNewestPage,
  markFailed,
  markPending,
  mergeMessages,
  type LocalMessage,
  type MessageList,
} from '../logic/message-list';
import { Outbox } from '../logic/outbox';
import { applyPresenceChange, NOBODY_PRESENT, type ConversationPresence } from '../logic/presence';
import { memoryOutboxStore, type OutboxStore, type StoredSend } from '../logic/outbox-store';
import {
  deleteMessage,
  fetchChanges,
  fetchMessages,
  messageListQueryOptions,
  messagesKey,
  noticeKey,
  patchMessage,
  postRead,
  presenceKey,
  pinsKey,
  putPin,
  putReaction,
} from './messages';
import { applyPinChange } from '../logic/pins';

const JOIN_TIMEOUT_MS = 10_000;
const READ_TIMEOUT_MS = 10_000;
const ACTION_TIMEOUT_MS = 10_000;
/**
 * An ack can overtake the live frames of changes made just before it (they travel through the
 * fan-out, the ack does not), so a gap an ack opens gets this long to close by itself.
 */
const ACK_GAP_GRACE_MS = 1_000;
/** Jumping to a quoted message loads older pages until it is there, up to this many. */
const MAX_PAGES_TO_FIND = 50;

/**
 * The live side of chat for one socket: joins open conversations (and rejoins them after every
 * reconnect with their last seq), sends through the outbox and, through `liveHandlers`, writes
 * everything the socket says into the query cache, which the components read.
 */
export class ChatRuntime {
  private readonly outbox: Outbox;
  /** Open conversations and how many views hold each. */
  private readonly open = new Map<string, number>();
  /** Every unsent message as the store keeps it, by clientMsgId. */
  private readonly unsent = new Map<string, StoredSend>();
  /** Conversations being (re)joined: their catch-up fills any gap, so none is chased meanwhile. */
  private readonly syncing = new Set<string>();
  /** Gap fetches under way; `again` when another gap showed up while one ran. */
  private readonly gapFetches = new Map<string, { again: boolean }>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly socket: ChatSocket,
    private readonly queryClient: QueryClient,
    private readonly store: OutboxStore = memoryOutboxStore(),
  ) {
    this.outbox = new Outbox(
      {
        isConnected: () => socket.connected,
        send: (payload, timeoutMs) =>
          socket.timeout(timeoutMs).emitWithAck('message:send', payload),
      },
      {
        sent: (message) => {
          this.unsent.delete(message.clientMsgId);
          this.persist();
          this.receive(message, 'ack');
        },
        failed: (payload, error) =>
          this.update(payload.conversationId, (list) =>
            markFailed(list, payload.clientMsgId, error.message),
          ),
        retrying: (payload) =>
          this.update(payload.conversationId, (list) => markPending(list, payload.clientMsgId)),
      },
    );
    // Messages left unsent when the page last closed go out on the next connect.
    for (const stored of this.store.load()) {
      this.unsent.set(stored.payload.clientMsgId, stored);
      this.outbox.enqueue(stored.payload);
    }
  }

  /** Something written here is not on the server yet (the page warns before closing). */
  hasUnsent(): boolean {
    return this.unsent.size > 0;
  }

  dispose(): void {
    this.open.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** A view shows this conversation: join it now (or on connect). Returns the matching close. */
  openConversation(conversationId: string): () => void {
    const holders = this.open.get(conversationId) ?? 0;
    this.open.set(conversationId, holders + 1);
    if (holders === 0 && this.socket.connected) void this.sync(conversationId);
    return () => {
      const left = (this.open.get(conversationId) ?? 1) - 1;
      if (left > 0) {
        this.open.set(conversationId, left);
        return;
      }
      this.open.delete(conversationId);
      if (this.socket.connected)
        this.socket.emit('conversation:leave', { conversationId }, () => undefined);
    };
  }

  send(
    conversationId: string,
    body: string,
    sender: MessageSender,
    replyTo?: ReplyPreview,
    attachmentIds: string[] = [],
  ): void {
    const clientMsgId = randomUuid();
    const payload: SendPayload = { conversationId, clientMsgId, body };
    if (replyTo) payload.replyToId = replyTo.id;
    if (attachmentIds.length > 0) payload.attachmentIds = attachmentIds;
    const stored: StoredSend = { payload, sender, createdAt: new Date().toISOString(), replyTo };
    this.unsent.set(clientMsgId, stored);
    this.persist();
    this.update(conversationId, (list) => addLocal(list, localOf(stored)));
    this.outbox.enqueue(stored.payload);
  }

  retry(conversationId: string, clientMsgId: string): void {
    this.update(conversationId, (list) => markPending(list, clientMsgId));
    this.outbox.retry(clientMsgId);
  }

  /** Edits one of our messages; rejects with the server's reason. */
  async edit(message: Message, body: string): Promise<void> {
    const changed = this.socket.connected
      ? await this.ackOf<Message>(
          this.socket
            .timeout(ACTION_TIMEOUT_MS)
            .emitWithAck('message:edit', { messageId: message.id, body }),
        )
      : await patchMessage(message.id, { body });
    this.receive(changed, 'ack');
  }

  /** Deletes a message (it stays as a tombstone); rejects with the server's reason. */
  async remove(message: Message): Promise<void> {
    const tombstone = this.socket.connected
      ? await this.ackOf<Message>(
          this.socket
            .timeout(ACTION_TIMEOUT_MS)
            .emitWithAck('message:delete', { messageId: message.id }),
        )
      : await deleteMessage(message.id);
    this.receive(tombstone, 'ack');
  }

  /** Adds (`on`) or takes back our reaction with `emoji`. */
  async react(message: Message, emoji: string, on: boolean): Promise<void> {
    const payload = { messageId: message.id, emoji };
    const changed = this.socket.connected
      ? await this.ackOf<Message>(
          this.socket
            .timeout(ACTION_TIMEOUT_MS)
            .emitWithAck(on ? 'reaction:add' : 'reaction:remove', payload),
        )
      : await putReaction(message.id, emoji, on);
    this.receive(changed, 'ack');
  }

  /** Pins (`pinned`) or unpins a message; rejects with the server's reason. */
  async pin(message: Message, pinned: boolean): Promise<void> {
    const changed = this.socket.connected
      ? await this.ackOf<Message>(
          this.socket
            .timeout(ACTION_TIMEOUT_MS)
            .emitWithAck('message:pin', { messageId: message.id, pinned }),
        )
      : await putPin(message.id, pinned);
    this.receive(changed, 'ack');
  }

  /** One page of older history, for scrolling up. */
  async loadOlder(conversationId: string, limit?: number): Promise<void> {
    const list = this.list(conversationId);
    if (!list?.hasMoreBefore) return;
    const page = await fetchMessages(conversationId, { before: firstSeq(list), limit });
    this.update(conversationId, (current) => addHistoryPage(current, page));
  }

  /**
   * Loads older history until `find` finds its message among those held (a quoted parent, the
   * first unread), or the beginning is reached. Resolves with what it found.
   */
  async loadUntilFound(
    conversationId: string,
    find: (messages: readonly Message[]) => Message | undefined,
  ): Promise<Message | undefined> {
    await this.queryClient.ensureQueryData(messageListQueryOptions(conversationId));
    for (let page = 0; page <= MAX_PAGES_TO_FIND; page += 1) {
      const list = this.list(conversationId);
      if (!list) return undefined;
      const found = find(list.messages);
      if (found || !list.hasMoreBefore || page === MAX_PAGES_TO_FIND) return found;
      await this.loadOlder(conversationId, LIMITS.historyPageMax);
    }
    return undefined;
  }

  typing(conversationId: string, isTyping: boolean): void {
    if (this.socket.connected)
      this.socket.volatile.emit('typing', { conversationId, isTyping }, () => undefined);
  }

  /**
   * Read markers go over the socket when it is up, over REST otherwise. Resolves once the server
   * has stored the marker (or gave up), so counts fetched from then on include it.
   */
  async markRead(conversationId: string, seq: number): Promise<void> {
    try {
      if (this.socket.connected) {
        await this.socket
          .timeout(READ_TIMEOUT_MS)
          .emitWithAck('conversation:read', { conversationId, seq });
      } else {
        await postRead(conversationId, seq);
      }
    } catch {
      // A lost marker is set again by the next message read here.
    }
  }

  /** What the socket's events change; the app's live updates put these on the socket. */
  liveHandlers(): LiveHandlers {
    return {
      connect: () => {
        for (const conversationId of this.open.keys()) void this.sync(conversationId);
        this.outbox.flush();
      },
      disconnect: () => this.outbox.disconnected(),
      'message:new': (message) => this.receive(message, 'live'),
      'message:updated': (message) => this.receive(message, 'live'),
      // Coalesced: who arrived and who left since the last frame (at most one a second).
      'presence:changed': (change) => {
        if (!isConversationPresence(change)) return;
        this.setPresence(change.conversationId, (present) => applyPresenceChange(present, change));
      },
      'system:notice': ({ conversationId, text }) =>
        this.queryClient.setQueryData(noticeKey(conversationId), text),
    };
  }

  /**
   * A message as it is now, live or in an ack. A change number past `lastSeq + 1` means changes
   * before it went missing (a dropped frame, a Redis blip): they are fetched at once, without
   * reconnecting (after a grace period for an ack, which may have overtaken them).
   */
  private receive(message: Message, via: 'live' | 'ack'): void {
    const { conversationId } = message;
    this.update(conversationId, (list) => mergeMessages(list, [message]));
    // The pinned panel, if it was loaded, follows pins, unpins and edits of pinned messages.
    this.queryClient.setQueryData<PinnedList>(pinsKey(conversationId), (pins) =>
      pins ? applyPinChange(pins, message) : pins,
    );
    const list = this.list(conversationId);
    if (!list || !hasGap(list) || !this.open.has(conversationId)) return;
    if (via === 'live') {
      void this.fillGap(conversationId);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.fillGap(conversationId);
    }, ACK_GAP_GRACE_MS);
    this.timers.add(timer);
  }

  /** Fetches `changes` after the cursor until no gap is left (a (re)join fills its own). */
  private async fillGap(conversationId: string): Promise<void> {
    if (this.syncing.has(conversationId)) return;
    const running = this.gapFetches.get(conversationId);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: true };
    this.gapFetches.set(conversationId, state);
    try {
      while (state.again) {
        state.again = false;
        const list = this.list(conversationId);
        if (!list || !hasGap(list) || !this.open.has(conversationId)) break;
        const result = await fetchChangesAfter(list.lastSeq, this.changesSource(conversationId));
        if (!result.complete) {
          await this.reloadNewest(conversationId);
          break;
        }
        this.update(conversationId, (current) =>
          applyChanges(current, result.messages, result.through),
        );
      }
    } catch (error) {
      // The next live change or the next (re)join tries again.
      console.warn(`Could not fetch the missed changes of ${conversationId}`, error);
    } finally {
      this.gapFetches.delete(conversationId);
    }
  }

  /** (Re)joins with the cursor held and fills the gap; a gap too long reloads the newest page. */
  private async sync(conversationId: string): Promise<void> {
    this.syncing.add(conversationId);
    try {
      const list = await this.queryClient.ensureQueryData(messageListQueryOptions(conversationId));
      this.showUnsent(conversationId);
      const result = await catchUp(list.lastSeq, {
        join: (afterSeq) => this.join(conversationId, afterSeq),
        ...this.changesSource(conversationId),
      });
      this.setPresence(conversationId, () => ({
        users: result.join.presence,
        count: result.join.presenceCount,
      }));
      if (result.complete) {
        this.update(conversationId, (current) =>
          applyChanges(current, result.messages, result.through),
        );
      } else {
        await this.reloadNewest(conversationId);
      }
    } catch (error) {
      // Not allowed in (a room left elsewhere) or the connection dropped: the next connect retries.
      console.warn(`Could not join conversation ${conversationId}`, error);
    } finally {
      this.syncing.delete(conversationId);
    }
    // Live changes that came while joining may have opened a gap the join did not cover.
    const after = this.list(conversationId);
    if (after && hasGap(after)) void this.fillGap(conversationId);
  }

  private changesSource(conversationId: string): ChangesSource {
    return { fetchChanges: (after, limit) => fetchChanges(conversationId, after, limit) };
  }

  private async reloadNewest(conversationId: string): Promise<void> {
    const newest = await fetchMessages(conversationId);
    this.update(conversationId, (current) => ({
      ...listFromNewestPage(newest),
      local: current.local,
    }));
  }

  private async join(conversationId: string, afterSeq: number): Promise<JoinResult> {
    return this.ackOf(
      this.socket
        .timeout(JOIN_TIMEOUT_MS)
        .emitWithAck('conversation:join', { conversationId, afterSeq }),
    );
  }

  private async ackOf<T>(pending: Promise<Ack<T>>): Promise<T> {
    const ack = await pending;
    if (!ack.ok) throw new ActionError(ack.error.code, ack.error.message);
    return ack.data;
  }

  /** Unsent messages from an earlier page load appear in their list as pending. */
  private showUnsent(conversationId: string): void {
    for (const stored of this.unsent.values()) {
      if (stored.payload.conversationId !== conversationId) continue;
      this.update(conversationId, (list) => addLocal(list, localOf(stored)));
    }
  }

  private persist(): void {
    this.store.save([...this.unsent.values()]);
  }

  private list(conversationId: string): MessageList | undefined {
    return this.queryClient.getQueryData<MessageList>(messagesKey(conversationId));
  }

  /** Changes a conversation's cached list, if there is one: a list is only built from REST. */
  private update(conversationId: string, change: (list: MessageList) => MessageList): void {
    this.queryClient.setQueryData<MessageList>(messagesKey(conversationId), (list) =>
      list ? change(list) : list,
    );
  }

  private setPresence(
    conversationId: string,
    change: (present: ConversationPresence) => ConversationPresence,
  ): void {
    this.queryClient.setQueryData<ConversationPresence>(presenceKey(conversationId), (present) =>
      change(present ?? NOBODY_PRESENT),
    );
  }
}

/** A refused socket action, with the server's code (`FORBIDDEN`, `NOT_FOUND`, …). */
export class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

function localOf(stored: StoredSend): LocalMessage {
  return {
    clientMsgId: stored.payload.clientMsgId,
    conversationId: stored.payload.conversationId,
    body: stored.payload.body,
    sender: stored.sender,
    createdAt: stored.createdAt,
    status: 'pending',
    replyTo: stored.replyTo,
  };
}
