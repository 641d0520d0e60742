import type { Ack, JoinPayload, JoinResult, Message, SendPayload } from '@chat/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { listen } from '../../../lib/live-updates';
import type { ChatSocket } from '../../../lib/socket';
import { fakeFetch, json } from '../../../test/render';
import type { MessageList } from '../logic/message-list';
import { localOutboxStore, memoryOutboxStore, type OutboxStore } from '../logic/outbox-store';
import { ALICE, changed, CONVERSATION_ID, message } from '../logic/test-messages';
import { ChatRuntime } from './chat-runtime';
import { messagesKey } from './messages';

/** Just enough of a Socket.IO client: events in both directions, acks answered by handlers. */
class FakeSocket {
  connected = false;
  readonly joins: JoinPayload[] = [];
  readonly sends: SendPayload[] = [];
  private readonly listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  answerJoin: (payload: JoinPayload) => Ack<JoinResult> = () => ({
    ok: true,
    data: joinResult([]),
  });
  answerSend: (payload: SendPayload) => Ack<Message> | null = () => null;
  /** Answers message:edit, message:delete and reaction:add/remove. */
  answerAction: (event: string, payload: unknown) => Ack<Message> = () => ({
    ok: false,
    error: { code: 'NOT_FOUND', message: 'no such message' },
  });
  readonly actions: string[] = [];

  on(event: string, listener: (...args: unknown[]) => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }

  off(event: string, listener: (...args: unknown[]) => void) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  /** The server side: fire a server → client event. */
  fire(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  timeout() {
    return {
      emitWithAck: async (event: string, payload: unknown) => {
        if (event === 'conversation:join') {
          this.joins.push(payload as JoinPayload);
          return this.answerJoin(payload as JoinPayload);
        }
        if (event === 'message:send') {
          this.sends.push(payload as SendPayload);
          const answer = this.answerSend(payload as SendPayload);
          if (answer) return answer;
          return new Promise(() => undefined);
        }
        if (['message:edit', 'message:delete', 'reaction:add', 'reaction:remove'].includes(event)) {
          this.actions.push(event);
          return this.answerAction(event, payload);
        }
        throw new Error(`unexpected ${event}`);
      },
    };
  }

  emit() {
    return this;
  }

  get volatile() {
    return this;
  }

  connect() {
    this.connected = true;
    this.fire('connect');
  }

  drop() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
}

function joinResult(missed: Message[], hasMore = false): JoinResult {
  return {
    conversation: {
      id: CONVERSATION_ID,
      kind: 'general',
      name: 'General',
      memberCount: 0,
      onlineCount: 1,
      lastMessageAt: null,
      lastSeq: missed.at(-1)?.seq ?? 0,
    },
    presence: [{ id: ALICE.id, displayName: 'Alice', username: 'alice' }],
    presenceCount: 1,
    missed,
    hasMore,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * `changes` as the server answers it: every message of `server` with rev > after, by rev, in
 * pages of `limit`; each call is recorded by its `after`.
 */
function changesRoute(server: () => Message[], calls: number[]) {
  return (_init: RequestInit | undefined, url: URL) => {
    const after = Number(url.searchParams.get('after'));
    const limit = Number(url.searchParams.get('limit'));
    calls.push(after);
    const all = server()
      .filter((m) => m.rev > after)
      .sort((a, b) => a.rev - b.rev);
    return json(200, { items: all.slice(0, limit), hasMore: all.length > limit });
  };
}

function setup(
  history: Message[],
  store: OutboxStore = memoryOutboxStore(),
  server: () => Message[] = () => history,
) {
  const changesCalls: number[] = [];
  vi.stubGlobal(
    'fetch',
    fakeFetch({
      [`GET /api/conversations/${CONVERSATION_ID}/messages`]: () =>
        json(200, { items: history, hasMore: false }),
      [`GET /api/conversations/${CONVERSATION_ID}/changes`]: changesRoute(server, changesCalls),
    }),
  );
  const socket = new FakeSocket();
  const queryClient = new QueryClient();
  const runtime = new ChatRuntime(socket as unknown as ChatSocket, queryClient, store);
  // In the app the live updates put the runtime's handlers on the socket.
  listen(socket as unknown as ChatSocket, [runtime.liveHandlers()]);
  const list = () => queryClient.getQueryData<MessageList>(messagesKey(CONVERSATION_ID));
  return { socket, queryClient, runtime, list, changesCalls };
}

describe('ChatRuntime', () => {
  it('loads history over REST, then joins after its last seq and adds what was missed', async () => {
    const { socket, runtime, list } = setup([message(1), message(2)]);
    runtime.openConversation(CONVERSATION_ID);
    socket.answerJoin = () => ({ ok: true, data: joinResult([message(3)]) });

    socket.connect();
    await vi.waitFor(() => expect(list()?.messages.map((m) => m.seq)).toEqual([1, 2, 3]));
    expect(socket.joins).toEqual([{ conversationId: CONVERSATION_ID, afterSeq: 2 }]);
  });

  it('rejoins after a reconnect with the last seq it holds and fills the gap in order', async () => {
    const { socket, runtime, list } = setup([message(1)]);
    runtime.openConversation(CONVERSATION_ID);
    socket.connect();
    await vi.waitFor(() => expect(list()?.messages).toHaveLength(1));
    socket.fire('message:new', message(2));

    socket.drop();
    socket.answerJoin = ({ afterSeq }) => ({
      ok: true,
      data: joinResult([message(5), message(3), message(4)].filter((m) => m.seq > (afterSeq ?? 0))),
    });
    socket.connect();

    await vi.waitFor(() => expect(list()?.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]));
    expect(socket.joins.map((j) => j.afterSeq)).toEqual([1, 2]);
  });

  it('shows a send as pending, resends it with the same clientMsgId after a reconnect and then as sent', async () => {
    const { socket, runtime, list } = setup([]);
    runtime.openConversation(CONVERSATION_ID);
    socket.connect();
    await vi.waitFor(() => expect(list()).toBeDefined());

    runtime.send(CONVERSATION_ID, 'hello', ALICE);
    expect(list()?.local).toMatchObject([{ body: 'hello', status: 'pending' }]);
    socket.drop();

    socket.answerSend = (payload) => ({
      ok: true,
      data: message(1, { sender: ALICE, body: payload.body, clientMsgId: payload.clientMsgId }),
    });
    socket.connect();
    await settle();

    await vi.waitFor(() => expect(list()?.messages.map((m) => m.body)).toEqual(['hello']));
    expect(list()?.local).toEqual([]);
    expect(new Set(socket.sends.map((s) => s.clientMsgId)).size).toBe(1);
    expect(socket.sends).toHaveLength(2);
  });

  it('keeps presence from the join and from presence events', async () => {
    const { socket, runtime, queryClient } = setup([]);
    runtime.openConversation(CONVERSATION_ID);
    socket.connect();
    const present = () =>
      queryClient.getQueryData<{ users: { id: string }[]; count: number }>([
        'conversations',
        CONVERSATION_ID,
        'presence',
      ]);
    const presence = () => present()?.users;
    await vi.waitFor(() => expect(presence()?.map((u) => u.id)).toEqual([ALICE.id]));

    const bob = { id: 'b0b00000-0000-4000-8000-000000000000', displayName: 'Bob' };
    const cleo = { id: 'c1e00000-0000-4000-8000-000000000000', displayName: 'Cleo' };
    socket.fire('presence:changed', {
      conversationId: CONVERSATION_ID,
      joined: [bob],
      left: [],
      count: 2,
    });
    expect(presence()?.map((u) => u.id)).toEqual([ALICE.id, bob.id]);
    expect(present()?.count).toBe(2);
    // One coalesced frame: Alice left, Cleo came, Bob is named again (no duplicate).
    socket.fire('presence:changed', {
      conversationId: CONVERSATION_ID,
      joined: [cleo, bob],
      left: [ALICE.id],
      count: 2,
    });
    expect(presence()?.map((u) => u.id)).toEqual([cleo.id, bob.id]);
    // A frame about watched users is not about the conversation.
    socket.fire('presence:changed', { online: [ALICE.id], offline: [] });
    expect(presence()?.map((u) => u.id)).toEqual([cleo.id, bob.id]);
  });
});

describe('ChatRuntime live gap detection', () => {
  it('fetches the changes it missed when a live message skips a number, without reconnecting', async () => {
    const held = [message(1), message(2)];
    // What the server has by now: 3 and an edit of 1 (rev 4) never reached this socket.
    const server = [changed(held[0]!, 4, { body: 'edited' }), held[1]!, message(3), message(5)];
    const { socket, runtime, list, changesCalls } = setup(held, memoryOutboxStore(), () => server);
    runtime.openConversation(CONVERSATION_ID);
    socket.connect();
    await vi.waitFor(() => expect(list()?.messages).toHaveLength(2));

    socket.fire('message:new', message(5));

    await vi.waitFor(() => expect(list()?.lastSeq).toBe(5));
    expect(changesCalls).toEqual([2]);
    expect(list()?.messages.map((m) => m.body)).toEqual([
      'edited',
      'message 2',
      'message 3',
      'message 5',
    ]);
    expect(socket.joins).toHaveLength(1);
  });

  it('also takes a message:updated past lastSeq + 1 as a gap, and pages while hasMore', async () => {
    const held = [message(1)];
    const server = [
      changed(held[0]!, 402, { body: 'latest' }),
      ...Array.from({ length: 400 }, (_, i) => message(i + 2)),
    ];
    const { socket, runtime, list, changesCalls } = setup(held, memoryOutboxStore(), () => server);
    runtime.openConversation(CONVERSATION_ID);
    socket.connect();
    await vi.waitFor(() => expect(list()?.messages).toHaveLength(1));

    socket.fire('message:updated', changed(held[0]!, 402, { body: 'latest' }));

    await vi.waitFor(() => expect(list()?.lastSeq).toBe(402));
    expect(changesCalls).toEqual([1, 201, 401]);
    expect(list()?.messages).toHaveLength(401);
    expect(list()?.messages[0]?.body).toBe('latest');
  });

  it('merges a following change without fetching anything', async () => {
    const held = [message(1), message(2)];
    const { socket, runtime, list, changesCalls } = setup(held);
    runtime.openConversation(CONVERSATION_ID);
    socket.connect();
    await vi.waitFor(() => expect(list()?.messages).toHaveLength(2));

    socket.fire('message:updated', changed(held[1]!, 3, { body: '', deletedAt: 'now' }));
    socket.fire('message:new', message(4));

    expect(list()?.messages.map((m) => m.deletedAt)).toEqual([null, 'now', null]);
    expect(list()?.lastSeq).toBe(4);
    await settle();
    expect(changesCalls).toEqual([]);
  });

  it('rejoins after a reconnect with its cursor and applies edits and deletes it missed', async () => {
    const held = [message(1), message(2)];
    const { socket, runtime, list } = setup(held);
    runtime.openConversation(CONVERSATION_ID);
    socket.connect();
    await vi.waitFor(() => expect(list()?.messages).toHaveLength(2));
    socket.drop();
    socket.answerJoin = () => ({
      ok: true,
      data: joinResult([
        changed(held[0]!, 3, { body: 'edited offline', editedAt: 'then' }),
        changed(held[1]!, 4, { body: '', deletedAt: 'then' }),
      ]),
    });
    socket.connect();
    await vi.waitFor(() => expect(list()?.lastSeq).toBe(4));
    expect(socket.joins.map((j) => j.afterSeq)).toEqual([2, 2]);
    expect(list()?.messages.map((m) => m.body)).toEqual(['edited offline', '']);
  });
});

describe('ChatRuntime message actions', () => {
  it('edits, reacts and deletes over the socket and shows each acked state', async () => {
    const mine = message(1, { sender: ALICE });
    const { socket, runtime, list } = setup([mine]);
    runtime.openConversation(CONVERSATION_ID);
    socket.connect();
    await vi.waitFor(() => expect(list()?.messages).toHaveLength(1));
    let rev = 1;
    socket.answerAction = (event, payload) => {
      rev += 1;
      const p = payload as { body?: string; emoji?: string };
      const current = list()!.messages[0]!;
      if (event === 'message:edit')
        return { ok: true, data: changed(current, rev, { body: p.body! }) };
      if (event === 'reaction:add')
        return {
          ok: true,
          data: changed(current, rev, {
            reactions: [{ emoji: p.emoji!, count: 1, userIds: [ALICE.id] }],
          }),
        };
      return {
        ok: true,
        data: changed(current, rev, { body: '', deletedAt: 'now', reactions: [] }),
      };
    };

    await runtime.edit(mine, 'better words');
    expect(list()?.messages[0]?.body).toBe('better words');
    await runtime.react(mine, '👍', true);
    expect(list()?.messages[0]?.reactions).toEqual([
      { emoji: '👍', count: 1, userIds: [ALICE.id] },
    ]);
    await runtime.remove(mine);
    expect(list()?.messages[0]).toMatchObject({ body: '', deletedAt: 'now', rev: 4 });
    expect(socket.actions).toEqual(['message:edit', 'reaction:add', 'message:delete']);
  });

  it('rejects with the server’s code when an action is refused', async () => {
    const theirs = message(1);
    const { socket, runtime, list } = setup([theirs]);
    runtime.openConversation(CONVERSATION_ID);
    socket.connect();
    await vi.waitFor(() => expect(list()?.messages).toHaveLength(1));
    socket.answerAction = () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Not yours' } });
    await expect(runtime.edit(theirs, 'mine now')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(list()?.messages[0]?.body).toBe('message 1');
  });

  it('sends a reply with the parent id and shows the quote while it is on its way', async () => {
    const { socket, runtime, list } = setup([message(1)]);
    runtime.openConversation(CONVERSATION_ID);
    socket.connect();
    await vi.waitFor(() => expect(list()?.messages).toHaveLength(1));
    const replyTo = { id: '1001', seq: 1, senderName: 'Bob', excerpt: 'message 1' };
    runtime.send(CONVERSATION_ID, 'answer', ALICE, replyTo);
    expect(socket.sends[0]).toMatchObject({ body: 'answer', replyToId: '1001' });
    expect(list()?.local[0]?.replyTo).toEqual(replyTo);
  });
});

describe('ChatRuntime outbox across page loads', () => {
  it('keeps a message written offline in the store and sends it from the next page load', async () => {
    const store = memoryOutboxStore();
    const first = setup([], store);
    first.runtime.send(CONVERSATION_ID, 'written offline', ALICE);
    expect(first.runtime.hasUnsent()).toBe(true);
    const [kept] = store.load();
    expect(kept?.payload.body).toBe('written offline');
    first.runtime.dispose(); // the tab closes before the socket ever connected

    const next = setup([], store);
    expect(next.runtime.hasUnsent()).toBe(true);
    next.runtime.openConversation(CONVERSATION_ID);
    next.socket.answerSend = (payload) => ({
      ok: true,
      data: message(1, { sender: ALICE, body: payload.body, clientMsgId: payload.clientMsgId }),
    });
    next.socket.connect();
    await vi.waitFor(() => expect(next.runtime.hasUnsent()).toBe(false));
    expect(first.socket.sends).toEqual([]);
    expect(next.socket.sends.map((s) => s.clientMsgId)).toEqual([kept?.payload.clientMsgId]);
    await vi.waitFor(() => expect(next.list()?.local).toEqual([]));
    expect(store.load()).toEqual([]);
  });

  it('shows the unsent messages of an earlier page load as sending in their conversation', async () => {
    const store = memoryOutboxStore();
    const first = setup([], store);
    first.runtime.send(CONVERSATION_ID, 'still sending', ALICE);

    const next = setup([message(1)], store);
    next.runtime.openConversation(CONVERSATION_ID);
    next.socket.connect();
    await vi.waitFor(() =>
      expect(next.list()?.local).toMatchObject([{ body: 'still sending', status: 'pending' }]),
    );
  });
});

describe('localOutboxStore', () => {
  it('keeps one outbox per account and removes the entry once empty', () => {
    const alice = localOutboxStore('user:alice', localStorage);
    const bob = localOutboxStore('user:bob', localStorage);
    const send = {
      payload: { conversationId: CONVERSATION_ID, clientMsgId: 'c1', body: 'hi' },
      sender: ALICE,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    alice.save([send]);
    expect(alice.load()).toEqual([send]);
    expect(bob.load()).toEqual([]);
    alice.save([]);
    expect(localStorage.getItem('chat:outbox:user:alice')).toBeNull();
  });
});
