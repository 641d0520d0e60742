import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  createRoom,
  generalConversation,
  joinConversation,
  sendMessage,
} from './factories/conversations.js';
import { signInAsGuest, signUp } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { connectSocket } from './support/test-socket.js';
import { useTestApp } from './support/use-test-app.js';

/** A refusal as the contract words it: 429, RATE_LIMITED, details.retryAfterMs, Retry-After. */
function expectRateLimited(res: { status: number; body: any; headers: Headers }) {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({
    code: 'RATE_LIMITED',
    details: { retryAfterMs: expect.any(Number) },
  });
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

describe('REST limits (Limits v2)', () => {
  const app = useTestApp({
    RATE_LIMIT_ROOM_CREATES_PER_HOUR: '10',
    RATE_LIMIT_ROOM_JOINS_PER_MIN: '30',
    RATE_LIMIT_PROFILE_EDITS_PER_MIN: '10',
  });

  it('creating rooms: the 11th within an hour is refused and no room is stored', async () => {
    const user = await signUp(app.http);
    const tag = Date.now().toString(36);
    for (let i = 0; i < 10; i++) await createRoom(app.http, user.accessToken, `Burst ${tag} ${i}`);
    const refused = await app.http.post(
      '/api/rooms',
      { name: `Burst ${tag} 10` },
      { token: user.accessToken },
    );
    expectRateLimited(refused);
    const listed = await app.http.get(`/api/rooms?q=Burst ${tag}&limit=100`);
    expect(listed.body.items).toHaveLength(10);
    // Someone else is not affected.
    const other = await signUp(app.http);
    await createRoom(app.http, other.accessToken, `Burst ${tag} other`);
  });

  it('joins and leaves count together: the 31st within a minute is refused', async () => {
    const owner = await signUp(app.http);
    const room = await createRoom(app.http, owner.accessToken, `Loop ${Date.now()}`);
    const user = await signUp(app.http);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res =
        i % 2 === 0
          ? await app.http.post(`/api/rooms/${room.slug}/join`, undefined, {
              token: user.accessToken,
            })
          : await app.http.delete(`/api/rooms/${room.slug}/members/me`, {
              token: user.accessToken,
            });
      statuses.push(res.status);
      if (i === 30) expectRateLimited(res);
    }
    expect(statuses.slice(0, 30).every((s) => s === 200 || s === 204)).toBe(true);
  });

  it('a join/leave loop stores one "joined" and one "left" line per hour, not one per join', async () => {
    const owner = await signUp(app.http);
    const room = await createRoom(app.http, owner.accessToken, `Quiet ${Date.now()}`);
    const user = await signUp(app.http);
    for (let i = 0; i < 5; i++) {
      await app.http.post(`/api/rooms/${room.slug}/join`, undefined, { token: user.accessToken });
      await app.http.delete(`/api/rooms/${room.slug}/members/me`, { token: user.accessToken });
    }
    const lines = await app.messagesIn(room.id, ['body', 'kind']);
    expect(lines).toEqual([
      { body: `${user.user.displayName} joined`, kind: 'system' },
      { body: `${user.user.displayName} left`, kind: 'system' },
    ]);
  });

  it('profile edits: the 11th within a minute is refused and changes nothing', async () => {
    const user = await signUp(app.http);
    for (let i = 0; i < 10; i++) {
      const res = await app.http.patch(
        '/api/users/me',
        { bio: `bio ${i}` },
        { token: user.accessToken },
      );
      expect(res.status).toBe(200);
    }
    const refused = await app.http.patch(
      '/api/users/me',
      { bio: 'eleven' },
      { token: user.accessToken },
    );
    expectRateLimited(refused);
    const me = await app.http.get('/api/users/me', { token: user.accessToken });
    expect(me.body.bio).toBe('bio 9');
  });
});

describe('socket limits (Limits v2)', () => {
  const app = useTestApp({
    RATE_LIMIT_USER_SENDS_PER_10S: '20',
    RATE_LIMIT_CONVERSATION_JOINS_PER_10S: '30',
    RATE_LIMIT_TYPING_PER_SEC: '1',
    RATE_LIMIT_REACTIONS_PER_10S: '30',
    RATE_LIMIT_PRESENCE_WATCHES_PER_10S: '20',
    RATE_LIMIT_MESSAGE_CHANGES_PER_MIN: '30',
    LIMIT_SOCKETS_PER_ADDRESS: '50',
    LIMIT_SOCKETS_PER_USER: '20',
  });

  it('sends are limited per user across all their sockets, not per socket', async () => {
    const user = await signUp(app.http);
    const general = await generalConversation(app.http);
    const sockets = await Promise.all([1, 2, 3].map(() => app.connect(user.accessToken)));
    const acks = [];
    for (let i = 0; i < 21; i++) {
      acks.push(
        await sockets[i % 3]!.call('message:send', {
          conversationId: general.id,
          clientMsgId: randomUUID(),
          body: `burst ${i}`,
        }),
      );
    }
    expect(acks.slice(0, 20).every((a) => a.ok)).toBe(true);
    expect(acks[20]).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } },
    });
    const stored = await app.messagesIn(general.id, ['body']);
    expect(stored.filter((m) => m.body === 'burst 20')).toEqual([]);
  });

  it('reactions: 30 per 10 s per user; edits and deletes: 30 per minute together', async () => {
    const user = await signUp(app.http);
    const general = await generalConversation(app.http);
    const socket = await app.connect(user.accessToken);
    const target = await sendMessage(socket, general.id, 'react and edit me');
    const reactions = [];
    for (let i = 0; i < 31; i++) {
      const event = i % 2 === 0 ? 'reaction:add' : 'reaction:remove';
      reactions.push(await socket.call(event, { messageId: target.id, emoji: '👍' }));
    }
    expect(reactions.slice(0, 30).every((a) => a.ok)).toBe(true);
    expect(reactions[30]).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } },
    });

    const changes = [];
    for (let i = 0; i < 29; i++) {
      changes.push(await socket.call('message:edit', { messageId: target.id, body: `edit ${i}` }));
    }
    const doomed = await sendMessage(socket, general.id, 'delete me');
    changes.push(await socket.call('message:delete', { messageId: doomed.id }));
    expect(changes.every((a) => a.ok)).toBe(true);
    const refused = await app.http.patch(
      `/api/messages/${target.id}`,
      { body: 'one too many' },
      { token: user.accessToken },
    );
    expectRateLimited(refused);
    const [stored] = await queryDatabase<{ body: string }>(
      app.database.url,
      'SELECT body FROM messages WHERE id = $1',
      [target.id],
    );
    expect(stored!.body).toBe('edit 28');
  });

  it('presence:watch: the 21st on one socket within 10 s is refused, and changes nothing', async () => {
    const [watcher, watched] = [await signUp(app.http), await signUp(app.http)];
    const socket = await app.connect(watcher.accessToken);
    const acks = [];
    for (let i = 0; i < 21; i++) {
      const userIds = i === 20 ? [] : [watched.user.id];
      acks.push(await socket.call('presence:watch', { userIds }));
    }
    expect(acks.slice(0, 20).every((a) => a.ok)).toBe(true);
    expect(acks[20]).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } },
    });
    // The refused (empty) set did not replace the watched one: the user's arrival still shows.
    await app.connect(watched.accessToken);
    const frame = await socket.next('presence:changed', (p) =>
      'online' in p ? p.online.includes(watched.user.id) : false,
    );
    expect(frame).toBeDefined();
    // Another socket is not affected.
    expect((await (await app.connect()).call('presence:watch', { userIds: [] })).ok).toBe(true);
  });

  it('conversation:join: the 31st on one socket within 10 s is refused', async () => {
    const general = await generalConversation(app.http);
    const socket = await app.connect();
    const acks = [];
    for (let i = 0; i < 31; i++) {
      acks.push(await socket.call('conversation:join', { conversationId: general.id }));
    }
    expect(acks.slice(0, 30).every((a) => a.ok)).toBe(true);
    expect(acks[30]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Another socket is not affected.
    await joinConversation(await app.connect(), general.id);
  });

  it("a visitor's catch-up holds at most 50 messages; a user's 200", async () => {
    const user = await signUp(app.http);
    const room = await generalConversation(app.http);
    const before = (await joinConversation(await app.connect(), room.id)).conversation.lastSeq;
    const writers = await Promise.all([1, 2, 3, 4].map(() => signUp(app.http)));
    for (const writer of writers) {
      const socket = await app.connect(writer.accessToken);
      for (let i = 0; i < 15; i++) await sendMessage(socket, room.id, `m ${i}`);
    }
    const visitor = await joinConversation(await app.connect(), room.id, before);
    expect(visitor.missed).toHaveLength(50);
    expect(visitor.hasMore).toBe(true);
    const member = await joinConversation(await app.connect(user.accessToken), room.id, before);
    expect(member.missed).toHaveLength(60);
    expect(member.hasMore).toBe(false);
  });

  it('typing: one relay per second per socket and conversation; extra ones are dropped, not refused', async () => {
    const [ann, bob] = [await signUp(app.http), await signUp(app.http)];
    const general = await generalConversation(app.http);
    const annSocket = await app.connect(ann.accessToken);
    const bobSocket = await app.connect(bob.accessToken);
    await joinConversation(annSocket, general.id);
    await joinConversation(bobSocket, general.id);
    const acks = [];
    for (let i = 0; i < 5; i++) {
      acks.push(await annSocket.call('typing', { conversationId: general.id, isTyping: true }));
    }
    expect(acks.every((a) => a.ok)).toBe(true);
    await annSocket.roundTrip();
    await bobSocket.roundTrip();
    expect(bobSocket.all('typing').filter((t) => t.user.id === ann.user.id)).toHaveLength(1);
  });

  it('at most 20 sockets per user: the 21st handshake is refused with RATE_LIMITED', async () => {
    const user = await signUp(app.http);
    for (let i = 0; i < 20; i++) await app.connect(user.accessToken);
    await expect(connectSocket(app.baseUrl, user.accessToken)).rejects.toMatchObject({
      data: { code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) },
    });
  });

  it('at most 50 visitor and guest sockets per address; a closed one frees its slot', async () => {
    const guest = await signInAsGuest(app.http);
    const open = [];
    for (let i = 0; i < 25; i++) open.push(await app.connect());
    for (let i = 0; i < 25; i++) open.push(await app.connect(guest.accessToken));
    await expect(connectSocket(app.baseUrl)).rejects.toMatchObject({
      data: { code: 'RATE_LIMITED' },
    });
    // Signed-in users are counted per user, not per address.
    const user = await signUp(app.http);
    await app.connect(user.accessToken);
    // The server frees the slot when it sees the connection close: retry for a moment.
    open[0]!.close();
    let admitted = false;
    for (let attempt = 0; attempt < 40 && !admitted; attempt++) {
      admitted = await app.connect().then(
        () => true,
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          return false;
        },
      );
    }
    expect(admitted).toBe(true);
  });
});
