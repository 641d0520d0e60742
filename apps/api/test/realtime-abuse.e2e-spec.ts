import type { Thread } from '@chat/contracts';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { generalConversation, openThread, sendMessage } from './factories/conversations.js';
import { signInAsGuest, signUp, type SignedUpUser } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { connectSocket } from './support/test-socket.js';
import { useTestApp } from './support/use-test-app.js';

/**
 * Bad payloads and limits, on the default send rates. Each test uses its own sockets, so each
 * starts with a full send bucket (sends refused by validation take no token).
 */
describe('realtime abuse: bad payloads, limits, oversized frames', () => {
  const app = useTestApp();
  const { connect } = app;
  let ann: SignedUpUser;
  let bob: SignedUpUser;
  let thread: Thread;
  beforeAll(async () => {
    ann = await signUp(app.http);
    bob = await signUp(app.http);
    thread = await openThread(app.http, ann.accessToken, bob.user.id);
    const bobSocket = await connectSocket(app.baseUrl, bob.accessToken);
    await sendMessage(bobSocket, thread.id, 'something to read');
    bobSocket.close();
  });

  /** Everything a client event could have written. */
  const snapshot = async () =>
    (
      await queryDatabase(
        app.database.url,
        `SELECT (SELECT count(*) FROM messages) AS messages,
                (SELECT coalesce(sum(last_seq), 0) FROM conversations) AS seqs,
                (SELECT count(*) FROM conversation_members) AS members,
                (SELECT coalesce(sum(last_read_seq), 0) FROM conversation_members) AS markers`,
      )
    )[0];

  const unknownId = randomUUID();
  const valid = () => ({
    'conversation:join': { conversationId: thread.id, afterSeq: 0 },
    'conversation:leave': { conversationId: thread.id },
    'message:send': { conversationId: thread.id, clientMsgId: randomUUID(), body: 'hello' },
    typing: { conversationId: thread.id, isTyping: true },
    'conversation:read': { conversationId: thread.id, seq: 1 },
  });
  type ClientEvent = keyof ReturnType<typeof valid>;
  const events: ClientEvent[] = [
    'conversation:join',
    'conversation:leave',
    'message:send',
    'typing',
    'conversation:read',
  ];

  /** [what, payload, expected code] for one event. */
  const badPayloads = (event: ClientEvent): Array<[string, unknown, string]> => {
    const ok = valid()[event];
    const without = (key: string) =>
      Object.fromEntries(Object.entries(ok).filter(([k]) => k !== key));
    const cases: Array<[string, unknown, string]> = [
      ['a string', 'conversation', 'VALIDATION'],
      ['a number', 42, 'VALIDATION'],
      ['null', null, 'VALIDATION'],
      ['an array', [ok], 'VALIDATION'],
      ['an empty object', {}, 'VALIDATION'],
      ['no conversationId', without('conversationId'), 'VALIDATION'],
      ['a numeric conversationId', { ...ok, conversationId: 123 }, 'VALIDATION'],
      ['a non-uuid conversationId', { ...ok, conversationId: 'general' }, 'VALIDATION'],
      ['an object as conversationId', { ...ok, conversationId: { id: thread.id } }, 'VALIDATION'],
      ['an unknown conversationId', { ...ok, conversationId: unknownId }, 'NOT_FOUND'],
    ];
    if (event === 'conversation:join') {
      cases.push(
        ['afterSeq as a string', { ...ok, afterSeq: '1' }, 'VALIDATION'],
        ['a negative afterSeq', { ...ok, afterSeq: -1 }, 'VALIDATION'],
        ['a fractional afterSeq', { ...ok, afterSeq: 0.5 }, 'VALIDATION'],
      );
    }
    if (event === 'message:send') {
      cases.push(
        ['no body', without('body'), 'VALIDATION'],
        ['a numeric body', { ...ok, body: 42 }, 'VALIDATION'],
        ['an object as body', { ...ok, body: { text: 'hi' } }, 'VALIDATION'],
        ['no clientMsgId', without('clientMsgId'), 'VALIDATION'],
        ['a non-uuid clientMsgId', { ...ok, clientMsgId: 'abc' }, 'VALIDATION'],
      );
    }
    if (event === 'typing') {
      cases.push(
        ['no isTyping', without('isTyping'), 'VALIDATION'],
        ['isTyping as a string', { ...ok, isTyping: 'yes' }, 'VALIDATION'],
      );
    }
    if (event === 'conversation:read') {
      cases.push(
        ['no seq', without('seq'), 'VALIDATION'],
        ['seq as a string', { ...ok, seq: '1' }, 'VALIDATION'],
        ['a negative seq', { ...ok, seq: -1 }, 'VALIDATION'],
      );
    }
    return cases;
  };

  it.each(events)(
    '%s: every bad payload answers its code, writes nothing, and the socket keeps working',
    async (event) => {
      const socket = await connect(ann.accessToken);
      const before = await snapshot();
      for (const [what, payload, code] of badPayloads(event)) {
        const ack = await socket.call(event, payload);
        expect({ what, ack }).toEqual({
          what,
          ack: { ok: false, error: { code, message: expect.any(String) } },
        });
      }
      // With only an ack callback and no payload at all.
      const bare = await (socket.socket as unknown as import('socket.io-client').Socket)
        .timeout(5000)
        .emitWithAck(event);
      expect(bare).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await snapshot()).toEqual(before);

      expect(socket.socket.connected).toBe(true);
      // Typing needs the conversation joined; everything else works either way.
      expect((await socket.call('conversation:join', { conversationId: thread.id })).ok).toBe(true);
      expect(await socket.call(event, valid()[event])).toMatchObject({ ok: true });
      expect(await sendMessage(socket, thread.id, `still working after ${event}`)).toMatchObject({
        body: `still working after ${event}`,
      });
    },
  );

  it('events without an ack callback, bad or good, break nothing', async () => {
    const socket = await connect(ann.accessToken);
    const raw = socket.socket as unknown as import('socket.io-client').Socket;
    const before = await snapshot();
    for (const event of events) {
      for (const [, payload] of badPayloads(event)) raw.emit(event, payload);
      raw.emit(event);
    }
    await socket.roundTrip();
    expect(await snapshot()).toEqual(before);
    const clientMsgId = randomUUID();
    raw.emit('message:send', { conversationId: thread.id, clientMsgId, body: 'fire and forget' });
    raw.emit('typing', { conversationId: thread.id, isTyping: true });
    // Sent after the ack-less send on the same socket, so it is handled after it: the retry finds it stored.
    const retried = await sendMessage(socket, thread.id, 'fire and forget', clientMsgId);
    expect(retried.body).toBe('fire and forget');
    const rows = await queryDatabase(
      app.database.url,
      'SELECT id FROM messages WHERE client_msg_id = $1',
      [clientMsgId],
    );
    expect(rows).toHaveLength(1);
    expect((await app.http.get('/api/health')).status).toBe(200);
  });

  it('a visitor gets UNAUTHORIZED for posting, typing and read markers, and writes nothing', async () => {
    const general = await generalConversation(app.http);
    const visitor = await connect();
    const before = await snapshot();
    expect(
      await visitor.call('message:send', {
        conversationId: general.id,
        clientMsgId: randomUUID(),
        body: 'hi',
      }),
    ).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(
      await visitor.call('typing', { conversationId: general.id, isTyping: true }),
    ).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(
      (await visitor.call('conversation:read', { conversationId: thread.id, seq: 1 })).ok,
    ).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect((await visitor.call('conversation:join', { conversationId: general.id })).ok).toBe(true);
  });

  it('a user gets RATE_LIMITED on the 21st send within 10 s; nothing is stored for it', async () => {
    // A fresh user: the limit is per user (Limits v2), and ann has sent earlier in this file.
    const sender = await signUp(app.http);
    const general = await generalConversation(app.http);
    const socket = await connect(sender.accessToken);
    const before = Number((await snapshot())!.messages);
    const acks = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        socket.call('message:send', {
          conversationId: general.id,
          clientMsgId: randomUUID(),
          body: `burst ${i}`,
        }),
      ),
    );
    expect(acks.slice(0, 20).every((a) => a.ok)).toBe(true);
    expect(acks[20]).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: expect.any(String) },
    });
    expect(Number((await snapshot())!.messages)).toBe(before + 20);
    // The socket is still connected and can do everything else.
    expect((await socket.call('conversation:join', { conversationId: general.id })).ok).toBe(true);
    // The limit is per user: another tab of the same user is refused too.
    const otherTab = await connect(sender.accessToken);
    expect(
      await otherTab.call('message:send', {
        conversationId: general.id,
        clientMsgId: randomUUID(),
        body: 'from the other tab',
      }),
    ).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('a guest socket gets RATE_LIMITED on the 6th send within 10 s', async () => {
    const general = await generalConversation(app.http);
    const guest = await signInAsGuest(app.http);
    const socket = await connect(guest.accessToken);
    const acks = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        socket.call('message:send', {
          conversationId: general.id,
          clientMsgId: randomUUID(),
          body: `guest ${i}`,
        }),
      ),
    );
    expect(acks.slice(0, 5).every((a) => a.ok)).toBe(true);
    expect(acks[5]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const rows = await queryDatabase(
      app.database.url,
      'SELECT id FROM messages WHERE sender_id = $1',
      [guest.guest.id],
    );
    expect(rows).toHaveLength(5);
  });

  it('a 40 KiB frame drops only the socket that sent it', async () => {
    const general = await generalConversation(app.http);
    const [big, sender, reader] = [
      await connect(ann.accessToken),
      await connect(bob.accessToken),
      await connect(),
    ];
    for (const socket of [big, sender, reader])
      expect((await socket.call('conversation:join', { conversationId: general.id })).ok).toBe(
        true,
      );
    const before = await snapshot();
    const dropped = big.disconnected(10_000);
    big.socket.emit(
      'message:send',
      { conversationId: general.id, clientMsgId: randomUUID(), body: 'x'.repeat(40 * 1024) },
      () => undefined,
    );
    await dropped;
    expect(await snapshot()).toEqual(before);

    const sent = await sendMessage(sender, general.id, 'still here');
    expect((await reader.next('message:new', (m) => m.id === sent.id)).body).toBe('still here');
    expect((await app.http.get('/api/health')).status).toBe(200);
  });

  it('a deeply nested payload within the size limit harms nobody', async () => {
    const socket = await connect(ann.accessToken);
    const other = await connect(bob.accessToken);
    // Written as a raw Socket.IO frame: the client's own encoder would overflow its stack first.
    const nested = `${'['.repeat(7000)}${']'.repeat(7000)}`;
    (socket.socket.io.engine as unknown as { write(data: string): void }).write(
      `42["message:send",${nested}]`,
    );
    // The server may answer nothing (no ack id) or drop this one socket; either is fine.
    await Promise.race([socket.roundTrip(), socket.disconnected()]).catch(() => undefined);
    expect((await sendMessage(other, thread.id, 'unharmed')).body).toBe('unharmed');
    expect((await app.http.get('/api/health')).status).toBe(200);
  });

  it('the process is still up and serving at the end', async () => {
    const health = await app.http.get('/api/health');
    expect(health.status).toBe(200);
    const fresh = await signUp(app.http);
    const socket = await connect(fresh.accessToken);
    const general = await generalConversation(app.http);
    expect((await sendMessage(socket, general.id, 'last word')).body).toBe('last word');
  });
});
