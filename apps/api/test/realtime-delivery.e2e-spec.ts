import type { Message } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createRoom,
  joinConversation as join,
  joinRoom,
  openThread,
  sendMessage,
} from './factories/conversations.js';
import { signUp } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

/** Ordering, concurrency and catch-up: the delivery semantics of the contract. */
describe('realtime delivery: seq under concurrency, catch-up with afterSeq', () => {
  const app = useTestApp({ RATE_LIMIT_USER_SENDS_PER_10S: '1000' });
  const { connect } = app;
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const storedSeqs = async (conversationId: string, kind?: 'text' | 'system') =>
    (
      await queryDatabase<{ seq: string }>(
        app.database.url,
        `SELECT seq FROM messages WHERE conversation_id = $1 ${kind ? 'AND kind = $2' : ''} ORDER BY seq`,
        kind ? [conversationId, kind] : [conversationId],
      )
    ).map((r) => Number(r.seq));

  it('100 concurrent sends from 5 clients into one room get seq with no gap and no duplicate', async () => {
    const owner = await signUp(app.http);
    const room = await createRoom(
      app.http,
      owner.accessToken,
      `Busy ${randomBytes(4).toString('hex')}`,
    );
    const users = [owner];
    for (let i = 0; i < 4; i++) {
      const member = await signUp(app.http);
      await joinRoom(app.http, member.accessToken, room.slug!);
      users.push(member);
    }
    // The four "X joined" lines took seq 1..4.
    expect(await storedSeqs(room.id, 'system')).toEqual([1, 2, 3, 4]);
    const clients = await Promise.all(users.map((u) => connect(u.accessToken)));
    await Promise.all(clients.map((c) => join(c, room.id)));

    const acks = await Promise.all(
      clients.flatMap((client, c) =>
        range(1, 20).map((i) =>
          client.call<Message>(
            'message:send',
            {
              conversationId: room.id,
              clientMsgId: randomUUID(),
              body: `client ${c} message ${i}`,
            },
            20_000,
          ),
        ),
      ),
    );
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const sent = acks.map((a) => (a as { data: Message }).data);
    expect(sent.map((m) => m.seq).sort((a, b) => a - b)).toEqual(range(5, 104));
    expect(await storedSeqs(room.id)).toEqual(range(1, 104));
    expect(await storedSeqs(room.id, 'text')).toEqual(range(5, 104));
    const [conversation] = await queryDatabase<{ last_seq: string }>(
      app.database.url,
      'SELECT last_seq FROM conversations WHERE id = $1',
      [room.id],
    );
    expect(conversation!.last_seq).toBe('104');

    // Every client got the other clients' 80 messages live, once each.
    for (const [c, client] of clients.entries()) {
      // Resolves once 80 have arrived (the match is checked on each arrival).
      await client.next('message:new', () => client.all('message:new').length >= 80, 20_000);
      await client.roundTrip();
      const received = client.all('message:new').map((m) => m.body);
      expect(received).toHaveLength(80);
      expect(new Set(received).size).toBe(80);
      expect(received.some((body) => body.startsWith(`client ${c} `))).toBe(false);
    }
  });

  it('a client that disconnects and rejoins with afterSeq gets exactly what it missed, in order', async () => {
    const ann = await signUp(app.http);
    const bob = await signUp(app.http);
    const thread = await openThread(app.http, ann.accessToken, bob.user.id);
    const annSocket = await connect(ann.accessToken);
    let bobSocket = await connect(bob.accessToken);
    await join(bobSocket, thread.id);
    for (let i = 1; i <= 3; i++) await sendMessage(annSocket, thread.id, `seen ${i}`);
    await bobSocket.next('message:new', (m) => m.seq === 3);
    const lastSeen = Math.max(...bobSocket.all('message:new').map((m) => m.seq));
    expect(lastSeen).toBe(3);

    bobSocket.close();
    const missed: Message[] = [];
    for (let i = 1; i <= 7; i++)
      missed.push(await sendMessage(annSocket, thread.id, `missed ${i}`));

    bobSocket = await connect(bob.accessToken);
    const rejoined = await join(bobSocket, thread.id, lastSeen);
    expect(rejoined.missed).toEqual(missed);
    expect(rejoined.missed.map((m) => m.seq)).toEqual(range(4, 10));
    expect(rejoined.hasMore).toBe(false);

    // Live delivery carries on after the catch-up.
    const next = await sendMessage(annSocket, thread.id, 'live again');
    expect((await bobSocket.next('message:new', (m) => m.id === next.id)).seq).toBe(11);

    // Up to date, or without afterSeq: nothing missed.
    expect(await join(bobSocket, thread.id, 11)).toMatchObject({ missed: [], hasMore: false });
    expect(await join(bobSocket, thread.id)).toMatchObject({ missed: [], hasMore: false });
  });

  it('catch-up gives at most 200 messages, oldest first, with hasMore past that', async () => {
    const owner = await signUp(app.http);
    const room = await createRoom(
      app.http,
      owner.accessToken,
      `Flood ${randomBytes(4).toString('hex')}`,
    );
    const sender = await connect(owner.accessToken);
    for (let batch = 0; batch < 205; batch += 41) {
      await Promise.all(
        range(batch + 1, batch + 41).map((i) => sendMessage(sender, room.id, `flood ${i}`)),
      );
    }
    expect(await storedSeqs(room.id)).toEqual(range(1, 205));

    const reader = await connect(owner.accessToken);
    const fromStart = await join(reader, room.id, 0);
    expect(fromStart.missed.map((m) => m.seq)).toEqual(range(1, 200));
    expect(fromStart.hasMore).toBe(true);
    const rest = await join(reader, room.id, 200);
    expect(rest.missed.map((m) => m.seq)).toEqual(range(201, 205));
    expect(rest.hasMore).toBe(false);
    const exactly = await join(reader, room.id, 5);
    expect(exactly.missed.map((m) => m.seq)).toEqual(range(6, 205));
    expect(exactly.hasMore).toBe(false);
  });
});
