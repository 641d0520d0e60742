import type { Thread } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRoom, generalConversation, history, openThread } from './factories/conversations.js';
import { signInAsGuest, signUp } from './factories/users.js';
import { useTestApp } from './support/use-test-app.js';
import { queryDatabase } from './support/test-database.js';
import { connectSocket } from './support/test-socket.js';

/** A room name no other test uses; its slug is the name lower-cased with "-" for spaces. */
const uniqueName = (prefix = 'Room') => `${prefix} ${randomBytes(3).toString('hex')}`;

describe('threads over REST, and who may read what', () => {
  const app = useTestApp();

  const messagesOf = (conversationId: string) => app.messagesIn(conversationId);

  describe('threads', () => {
    it('opens a thread: 201 the first time, 200 after, the same id from either side', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const first = await app.http.post<Thread>(
        '/api/threads',
        { userId: bob.user.id },
        { token: ann.accessToken },
      );
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        otherUser: { id: bob.user.id, username: bob.user.username },
        lastMessage: null,
        unread: 0,
      });
      const again = await app.http.post<Thread>(
        '/api/threads',
        { userId: bob.user.id },
        { token: ann.accessToken },
      );
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      const fromBob = await app.http.post<Thread>(
        '/api/threads',
        { userId: ann.user.id },
        { token: bob.accessToken },
      );
      expect(fromBob.status).toBe(200);
      expect(fromBob.body).toMatchObject({ id: first.body.id, otherUser: { id: ann.user.id } });
      const rows = await queryDatabase(
        app.database.url,
        `SELECT id FROM conversations WHERE kind = 'direct' AND direct_key LIKE $1`,
        [`%${ann.user.id}%`],
      );
      expect(rows).toHaveLength(1);
    });

    it('two users opening the same thread at once get one thread', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const [a, b] = await Promise.all([
        app.http.post<Thread>('/api/threads', { userId: bob.user.id }, { token: ann.accessToken }),
        app.http.post<Thread>('/api/threads', { userId: ann.user.id }, { token: bob.accessToken }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(a.body.id).toBe(b.body.id);
    });

    it('sends thread:new to the other participant only when the thread is created', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const annSocket = await connectSocket(app.baseUrl, ann.accessToken);
      const bobSocket = await connectSocket(app.baseUrl, bob.accessToken);
      try {
        const thread = await openThread(app.http, ann.accessToken, bob.user.id);
        const event = await bobSocket.next('thread:new');
        expect(event.thread).toMatchObject({
          id: thread.id,
          otherUser: { id: ann.user.id },
          unread: 0,
        });
        await openThread(app.http, ann.accessToken, bob.user.id);
        await openThread(app.http, bob.accessToken, ann.user.id);
        await annSocket.roundTrip();
        await bobSocket.roundTrip();
        expect(annSocket.all('thread:new')).toEqual([]);
        expect(bobSocket.all('thread:new')).toHaveLength(1);
      } finally {
        annSocket.close();
        bobSocket.close();
      }
    });

    it('lists my threads with the other user, the last message and the unread count', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const cat = await signUp(app.http);
      const withBob = await openThread(app.http, ann.accessToken, bob.user.id);
      const withCat = await openThread(app.http, cat.accessToken, ann.user.id);
      const bobSocket = await connectSocket(app.baseUrl, bob.accessToken);
      try {
        for (const body of ['one', 'two']) {
          const ack = await bobSocket.call('message:send', {
            conversationId: withBob.id,
            clientMsgId: randomUUID(),
            body,
          });
          expect(ack.ok).toBe(true);
        }
      } finally {
        bobSocket.close();
      }
      const res = await app.http.get<{ items: Thread[] }>('/api/threads', {
        token: ann.accessToken,
      });
      expect(res.status).toBe(200);
      // Newest activity first: the thread with a message comes before the empty one.
      expect(res.body.items.map((t) => t.id)).toEqual([withBob.id, withCat.id]);
      expect(res.body.items[0]).toMatchObject({
        otherUser: { id: bob.user.id },
        lastMessage: { body: 'two', seq: 2, sender: { id: bob.user.id } },
        unread: 2,
      });
      expect(res.body.items[1]).toMatchObject({
        otherUser: { id: cat.user.id },
        lastMessage: null,
        unread: 0,
      });
      const bobs = await app.http.get<{ items: Thread[] }>('/api/threads', {
        token: bob.accessToken,
      });
      expect(bobs.body.items).toEqual([
        expect.objectContaining({
          id: withBob.id,
          otherUser: expect.objectContaining({ id: ann.user.id }),
          unread: 0,
        }),
      ]);
    });

    it('refuses a thread with yourself (400) and with an unknown user (404)', async () => {
      const ann = await signUp(app.http);
      const self = await app.http.post(
        '/api/threads',
        { userId: ann.user.id },
        { token: ann.accessToken },
      );
      expect(self.status).toBe(400);
      expect(self.body.code).toBe('VALIDATION');
      const unknown = await app.http.post(
        '/api/threads',
        { userId: randomUUID() },
        { token: ann.accessToken },
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
      const notAnId = await app.http.post(
        '/api/threads',
        { userId: 'bob' },
        { token: ann.accessToken },
      );
      expect(notAnId.status).toBe(400);
      const rows = await queryDatabase(
        app.database.url,
        `SELECT id FROM conversations WHERE direct_key LIKE $1`,
        [`%${ann.user.id}%`],
      );
      expect(rows).toEqual([]);
    });

    it('guests cannot open or list threads', async () => {
      const ann = await signUp(app.http);
      const guest = await signInAsGuest(app.http);
      const opened = await app.http.post(
        '/api/threads',
        { userId: ann.user.id },
        { token: guest.accessToken },
      );
      expect(opened.status).toBe(403);
      expect(opened.body.code).toBe('FORBIDDEN');
      expect((await app.http.get('/api/threads', { token: guest.accessToken })).status).toBe(403);
    });
  });

  describe('who may read what', () => {
    it('a third user gets 404 on a thread: history, read marker and conversation:join', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const eve = await signUp(app.http);
      const thread = await openThread(app.http, ann.accessToken, bob.user.id);
      const eveSocket = await connectSocket(app.baseUrl, eve.accessToken);
      try {
        const read = await history(app.http, thread.id, eve.accessToken);
        expect(read.status).toBe(404);
        expect(read.body.code).toBe('NOT_FOUND');
        // Exactly what an id that never existed gets: no hint that the thread is there.
        const never = await history(app.http, randomUUID(), eve.accessToken);
        expect({ ...read.body, message: undefined }).toEqual({ ...never.body, message: undefined });
        expect(read.body.message).toBe(never.body.message);
        const marked = await app.http.post(
          `/api/conversations/${thread.id}/read`,
          { seq: 1 },
          { token: eve.accessToken },
        );
        expect(marked.status).toBe(404);
        const joined = await eveSocket.call('conversation:join', { conversationId: thread.id });
        expect(joined).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        const sent = await eveSocket.call('message:send', {
          conversationId: thread.id,
          clientMsgId: randomUUID(),
          body: 'hi',
        });
        expect(sent).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        expect(await messagesOf(thread.id)).toEqual([]);
      } finally {
        eveSocket.close();
      }
    });

    it('a visitor and a guest get 404 on a thread too', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const guest = await signInAsGuest(app.http);
      const thread = await openThread(app.http, ann.accessToken, bob.user.id);
      expect((await history(app.http, thread.id)).status).toBe(404);
      expect((await history(app.http, thread.id, guest.accessToken)).status).toBe(404);
    });

    it('a non-member gets 403 FORBIDDEN on a room: history over REST and conversation:join', async () => {
      const ann = await signUp(app.http);
      const eve = await signUp(app.http);
      const room = await createRoom(app.http, ann.accessToken, uniqueName('Closed'));
      const res = await history(app.http, room.id, eve.accessToken);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      const eveSocket = await connectSocket(app.baseUrl, eve.accessToken);
      try {
        expect(
          await eveSocket.call('conversation:join', { conversationId: room.id }),
        ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      } finally {
        eveSocket.close();
      }
    });

    it("a visitor reads general's history but not a room's; a guest reads general's but not a room's", async () => {
      const ann = await signUp(app.http);
      const guest = await signInAsGuest(app.http);
      const room = await createRoom(app.http, ann.accessToken, uniqueName('Readable'));
      const general = await generalConversation(app.http);
      const open = await history(app.http, general.id);
      expect(open.status).toBe(200);
      expect(open.body).toMatchObject({ items: expect.any(Array), hasMore: false });
      const closed = await history(app.http, room.id);
      expect(closed.status).toBe(401);
      expect(closed.body.code).toBe('UNAUTHORIZED');
      expect((await history(app.http, general.id, guest.accessToken)).status).toBe(200);
      const guestClosed = await history(app.http, room.id, guest.accessToken);
      expect(guestClosed.status).toBe(403);
      expect(guestClosed.body.code).toBe('FORBIDDEN');
    });

    it('an unknown conversation is 404 and a malformed id 400', async () => {
      const ann = await signUp(app.http);
      expect((await history(app.http, randomUUID(), ann.accessToken)).status).toBe(404);
      const bad = await history(app.http, 'not-a-uuid', ann.accessToken);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION');
    });
  });
});
