import {
  isConversationPresence,
  type Ack,
  type ClientToServerEvents,
  type ConversationPresenceChanged,
  type ServerToClientEvents,
  type UserPresenceChanged,
} from '@chat/contracts';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

type ServerEvent = keyof ServerToClientEvents;
type PayloadOf<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/**
 * A real socket.io-client connection that records every server event, so a test can wait for
 * one (`next`) or assert that none came (`received`).
 */
export class TestSocket {
  readonly received = new Map<string, unknown[]>();
  /** Why the connection closed (socket.io's reason), once it has. */
  disconnectReason: string | null = null;
  private waiters: Array<{
    event: string;
    match: (payload: any) => boolean;
    resolve: (p: any) => void;
  }> = [];

  constructor(readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.on('disconnect', (reason) => (this.disconnectReason = reason));
    socket.onAny((event: string, payload: unknown) => {
      const list = this.received.get(event) ?? [];
      list.push(payload);
      this.received.set(event, list);
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.event !== event || !waiter.match(payload)) return true;
        waiter.resolve(payload);
        return false;
      });
    });
  }

  /** Resolves with the first `event` (already received or coming) that matches. */
  next<E extends ServerEvent>(
    event: E,
    match: (payload: PayloadOf<E>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<PayloadOf<E>> {
    const seen = (this.received.get(event) ?? []).find((p) => match(p as PayloadOf<E>));
    if (seen) return Promise.resolve(seen as PayloadOf<E>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${event} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        event,
        match,
        resolve: (payload) => {
          clearTimeout(timer);
          resolve(payload);
        },
      });
    });
  }

  all<E extends ServerEvent>(event: E): PayloadOf<E>[] {
    return (this.received.get(event) ?? []) as PayloadOf<E>[];
  }

  /** Emits a client event and resolves with its acknowledgement. */
  call<T = any>(event: string, payload?: unknown, timeoutMs = 5000): Promise<Ack<T>> {
    return (this.socket as unknown as Socket).timeout(timeoutMs).emitWithAck(event, payload);
  }

  /** The coalesced `presence:changed` frames of a conversation received so far. */
  conversationPresence(conversationId: string): ConversationPresenceChanged[] {
    return this.all('presence:changed').filter(
      (p): p is ConversationPresenceChanged =>
        isConversationPresence(p) && p.conversationId === conversationId,
    );
  }

  /** The `presence:changed` frames about watched users received so far. */
  userPresence(): UserPresenceChanged[] {
    return this.all('presence:changed').filter(
      (p): p is UserPresenceChanged => !isConversationPresence(p),
    );
  }

  /** Waits for the frame that says `userId` arrived in (`joined`) or left the conversation. */
  presenceIn(
    conversationId: string,
    change: 'joined' | 'left',
    userId: string,
    timeoutMs = 5000,
  ): Promise<ConversationPresenceChanged> {
    return this.next(
      'presence:changed',
      (p) =>
        isConversationPresence(p) &&
        p.conversationId === conversationId &&
        (change === 'joined' ? p.joined.some((u) => u.id === userId) : p.left.includes(userId)),
      timeoutMs,
    ) as Promise<ConversationPresenceChanged>;
  }

  /** Waits for the frame that says a watched user went `online` or `offline`. */
  presenceOf(
    userId: string,
    change: 'online' | 'offline',
    timeoutMs = 5000,
  ): Promise<UserPresenceChanged> {
    return this.next(
      'presence:changed',
      (p) => !isConversationPresence(p) && p[change].includes(userId),
      timeoutMs,
    ) as Promise<UserPresenceChanged>;
  }

  /**
   * A round trip (an event with an ack that changes nothing): everything the server sent this
   * socket before answering has arrived once it resolves.
   */
  async roundTrip(): Promise<void> {
    await this.call('typing', { conversationId: randomUUID(), isTyping: false });
  }

  /** Resolves when the connection is closed (by either side), with socket.io's reason. */
  disconnected(timeoutMs = 5000): Promise<string> {
    if (this.socket.disconnected)
      return Promise.resolve(this.disconnectReason ?? 'never connected');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`still connected after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Connects and waits for `session`; rejects with the `connect_error` if the handshake fails. */
export async function connectSocket(
  baseUrl: string,
  token?: string,
  options: { origin?: string } = {},
): Promise<TestSocket> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
  });
  const client = new TestSocket(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
    client.next('session').then(() => resolve(), reject);
  });
  return client;
}
