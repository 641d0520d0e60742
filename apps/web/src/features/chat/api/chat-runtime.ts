import {
  isConversationPresence,
  type Ack,
  type JoinResult,
  type Message,
  type MessageSender,
  type PresenceUser,
} from '@chat/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { LiveHandlers } from '../../../lib/live-updates';
import type { ChatSocket } from '../../../lib/socket';
import { randomUuid } from '../../../lib/uuid';
import { catchUp } from '../logic/catch-up';
import {
  addHistoryPage,
  addLocal,
  emptyList,
  firstSeq,
  lastSeq,
  markFailed,
  markPending,
  mergeMessages,
  type LocalMessage,
  type MessageList,
} from '../logic/message-list';
import { Outbox } from '../logic/outbox';
import { memoryOutboxStore, type OutboxStore, type StoredSend } from '../logic/outbox-store';
import {
  fetchMessages,
  messageListQueryOptions,
  messagesKey,
  noticeKey,
  postRead,
  presenceKey,
} from './messages';

const JOIN_TIMEOUT_MS = 10_000;
const READ_TIMEOUT_MS = 10_000;

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
          this.merge(message.conversationId, [message]);
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

  send(conversationId: string, body: string, sender: MessageSender): void {
    const clientMsgId = randomUuid();
    const stored: StoredSend = {
      payload: { conversationId, clientMsgId, body },
      sender,
      createdAt: new Date().toISOString(),
    };
    this.unsent.set(clientMsgId, stored);
    this.persist();
    this.update(conversationId, (list) => addLocal(list, localOf(stored)));
    this.outbox.enqueue(stored.payload);
  }

  retry(conversationId: string, clientMsgId: string): void {
    this.update(conversationId, (list) => markPending(list, clientMsgId));
    this.outbox.retry(clientMsgId);
  }

  /** One page of older history, for scrolling up. */
  async loadOlder(conversationId: string): Promise<void> {
    const list = this.queryClient.getQueryData<MessageList>(messagesKey(conversationId));
    if (!list?.hasMoreBefore) return;
    const page = await fetchMessages(conversationId, { before: firstSeq(list) });
    this.update(conversationId, (current) => addHistoryPage(current, page));
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
      'message:new': (message) => this.merge(message.conversationId, [message]),
      // Coalesced: who arrived and who left since the last frame (at most one a second).
      'presence:changed': (change) => {
        if (!isConversationPresence(change)) return;
        const { conversationId, joined, left } = change;
        const gone = new Set([...left, ...joined.map((u) => u.id)]);
        this.setPresence(conversationId, (users) => [
          ...users.filter((u) => !gone.has(u.id)),
          ...joined,
        ]);
      },
      'system:notice': ({ conversationId, text }) =>
        this.queryClient.setQueryData(noticeKey(conversationId), text),
    };
  }

  /** (Re)joins with the last seq held and fills the gap; a gap too long reloads the newest page. */
  private async sync(conversationId: string): Promise<void> {
    try {
      const list = await this.queryClient.ensureQueryData(messageListQueryOptions(conversationId));
      this.showUnsent(conversationId);
      const result = await catchUp(lastSeq(list), {
        join: (afterSeq) => this.join(conversationId, afterSeq),
        fetchAfter: (afterSeq, limit) => fetchMessages(conversationId, { after: afterSeq, limit }),
      });
      this.queryClient.setQueryData(presenceKey(conversationId), result.join.presence);
      if (result.complete) {
        this.merge(conversationId, result.messages);
      } else {
        const newest = await fetchMessages(conversationId);
        this.update(conversationId, (current) => ({
          ...addHistoryPage(emptyList(), newest),
          local: current.local,
        }));
      }
    } catch (error) {
      // Not allowed in (a room left elsewhere) or the connection dropped: the next connect retries.
      console.warn(`Could not join conversation ${conversationId}`, error);
    }
  }

  private async join(conversationId: string, afterSeq: number): Promise<JoinResult> {
    const ack: Ack<JoinResult> = await this.socket
      .timeout(JOIN_TIMEOUT_MS)
      .emitWithAck('conversation:join', { conversationId, afterSeq });
    if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
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

  private merge(conversationId: string, messages: Message[]): void {
    this.update(conversationId, (list) => mergeMessages(list, messages));
  }

  /** Changes a conversation's cached list, if there is one: a list is only built from REST. */
  private update(conversationId: string, change: (list: MessageList) => MessageList): void {
    this.queryClient.setQueryData<MessageList>(messagesKey(conversationId), (list) =>
      list ? change(list) : list,
    );
  }

  private setPresence(
    conversationId: string,
    change: (users: PresenceUser[]) => PresenceUser[],
  ): void {
    this.queryClient.setQueryData<PresenceUser[]>(presenceKey(conversationId), (users) =>
      change(users ?? []),
    );
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
  };
}
