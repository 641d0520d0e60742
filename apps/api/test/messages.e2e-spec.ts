import type { Message, Thread } from '@chat/contracts';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  generalConversation,
  history,
  openThread,
  sendMessage,
} from './factories/conversations.js';
import { signInAsGuest, signUp, type SignedUpUser } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

describe('messages: history, read markers, unread counts', () => {
  // Seeding history sends more than the default 20 per 10 s. Sockets live until the app closes:
  // `history` opens its thread's socket in a beforeAll.
  const app = useTestApp({ RATE_LIMIT_USER_SENDS_PER_10S: '1000' }, { closeSockets: 'afterAll' });
  const connect = (user: { accessToken: string }) => app.connect(user.accessToken);

  /** A thread between two fresh users with `count` messages from the first ("m1", "m2"…). */
  async function threadWith(count: number) {
    const ann = await signUp(app.http);
    const bob = await signUp(app.http);
    const thread = await openThread(app.http, ann.accessToken, bob.user.id);
    const annSocket = await connect(ann);
    for (let i = 1; i <= count; i++) await sendMessage(annSocket, thread.id, `m${i}`);
    return { ann, bob, thread, annSocket };
  }

  const seqs = (items: Message[]) => items.map((m) => m.seq);
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);

  describe('history', () => {
    let ann: SignedUpUser;
    let thread: Thread;
    beforeAll(async () => {
      ({ ann, thread } = await threadWith(12));
    });

    it('returns the newest page oldest first', async () => {
      const all = await history(app.http, thread.id, ann.accessToken);
      expect(all.status).toBe(200);
      expect(seqs(all.body.items)).toEqual(range(1, 12));
      expect(all.body.items.map((m) => m.body)).toEqual(range(1, 12).map((i) => `m${i}`));
      expect(all.body.hasMore).toBe(false);
      const newest = await history(app.http, thread.id, ann.accessToken, 'limit=5');
      expect(seqs(newest.body.items)).toEqual(range(8, 12));
      expect(newest.body.hasMore).toBe(true);
    });

    it('pages back with before (exclusive) until hasMore is false', async () => {
      const page = await history(app.http, thread.id, ann.accessToken, 'before=8&limit=5');
      expect(page.status).toBe(200);
      expect(seqs(page.body.items)).toEqual(range(3, 7));
      expect(page.body.hasMore).toBe(true);
      const last = await history(app.http, thread.id, ann.accessToken, 'before=3&limit=5');
      expect(seqs(last.body.items)).toEqual([1, 2]);
      expect(last.body.hasMore).toBe(false);
      const exact = await history(app.http, thread.id, ann.accessToken, 'before=6&limit=5');
      expect(seqs(exact.body.items)).toEqual(range(1, 5));
      expect(exact.body.hasMore).toBe(false);
    });

    it('pages forward with after (exclusive) until hasMore is false', async () => {
      const first = await history(app.http, thread.id, ann.accessToken, 'after=0&limit=5');
      expect(seqs(first.body.items)).toEqual(range(1, 5));
      expect(first.body.hasMore).toBe(true);
      const rest = await history(app.http, thread.id, ann.accessToken, 'after=10&limit=5');
      expect(seqs(rest.body.items)).toEqual([11, 12]);
      expect(rest.body.hasMore).toBe(false);
      const none = await history(app.http, thread.id, ann.accessToken, 'after=12');
      expect(none.body).toEqual({ items: [], hasMore: false });
    });

    it('accepts limit 1 and 100', async () => {
      const one = await history(app.http, thread.id, ann.accessToken, 'limit=1');
      expect(seqs(one.body.items)).toEqual([12]);
      expect(one.body.hasMore).toBe(true);
      const hundred = await history(app.http, thread.id, ann.accessToken, 'limit=100');
      expect(hundred.status).toBe(200);
      expect(hundred.body.items).toHaveLength(12);
    });

    it.each([
      'limit=0',
      'limit=101',
      'limit=-1',
      'limit=abc',
      'limit=2.5',
      'before=5&after=2',
      'before=-1',
      'after=x',
      'page=2',
    ])('answers 400 VALIDATION for %s', async (query) => {
      const res = await history(app.http, thread.id, ann.accessToken, query);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
    });

    it('gives 50 messages by default', async () => {
      const busy = await threadWith(55);
      const page = await history(app.http, busy.thread.id, busy.ann.accessToken);
      expect(seqs(page.body.items)).toEqual(range(6, 55));
      expect(page.body.hasMore).toBe(true);
    });

    it('has each message in the contract shape', async () => {
      const page = await history(app.http, thread.id, ann.accessToken, 'limit=1');
      expect(page.body.items[0]).toEqual({
        id: expect.any(String),
        conversationId: thread.id,
        seq: 12,
        sender: {
          id: ann.user.id,
          kind: 'user',
          name: ann.user.displayName,
          username: ann.user.username,
          avatarColor: ann.user.avatarColor,
        },
        body: 'm12',
        clientMsgId: expect.any(String),
        kind: 'text',
        viaBot: false,
        createdAt: expect.any(String),
        // Message v2: an unchanged message's fields.
        rev: 12,
        editedAt: null,
        deletedAt: null,
        replyTo: null,
        mentions: [],
        reactions: [],
        attachments: [],
        pinned: false,
        game: null,
      });
    });
  });

  describe('read markers and unread counts', () => {
    const unreadOf = async (user: SignedUpUser, threadId: string) => {
      const res = await app.http.get<{ items: Thread[] }>('/api/threads', {
        token: user.accessToken,
      });
      return res.body.items.find((t) => t.id === threadId)?.unread;
    };
    const markerOf = async (user: SignedUpUser, conversationId: string) => {
      const [row] = await queryDatabase<{ last_read_seq: string }>(
        app.database.url,
        'SELECT last_read_seq FROM conversation_members WHERE conversation_id = $1 AND user_id = $2',
        [conversationId, user.user.id],
      );
      return Number(row!.last_read_seq);
    };

    it('counts messages from the other user after the marker; POST read moves it forward only', async () => {
      const { ann, bob, thread, annSocket } = await threadWith(3);
      expect(await unreadOf(bob, thread.id)).toBe(3);
      // Your own messages are never unread.
      expect(await unreadOf(ann, thread.id)).toBe(0);

      const read = await app.http.post(
        `/api/conversations/${thread.id}/read`,
        { seq: 2 },
        { token: bob.accessToken },
      );
      expect(read.status).toBe(204);
      expect(read.body).toBeUndefined();
      expect(await unreadOf(bob, thread.id)).toBe(1);
      expect(await markerOf(bob, thread.id)).toBe(2);

      expect(
        (
          await app.http.post(
            `/api/conversations/${thread.id}/read`,
            { seq: 1 },
            { token: bob.accessToken },
          )
        ).status,
      ).toBe(204);
      expect(await markerOf(bob, thread.id)).toBe(2);
      expect(await unreadOf(bob, thread.id)).toBe(1);

      // A marker past the newest message stops at it, so the next message is unread again.
      expect(
        (
          await app.http.post(
            `/api/conversations/${thread.id}/read`,
            { seq: 999 },
            { token: bob.accessToken },
          )
        ).status,
      ).toBe(204);
      expect(await markerOf(bob, thread.id)).toBe(3);
      expect(await unreadOf(bob, thread.id)).toBe(0);
      await sendMessage(annSocket, thread.id, 'one more');
      expect(await unreadOf(bob, thread.id)).toBe(1);
    });

    it('conversation:read over the socket does the same', async () => {
      const { bob, thread } = await threadWith(4);
      const bobSocket = await connect(bob);
      const ack = await bobSocket.call('conversation:read', { conversationId: thread.id, seq: 3 });
      expect(ack).toEqual({ ok: true, data: null });
      expect(await markerOf(bob, thread.id)).toBe(3);
      expect(await unreadOf(bob, thread.id)).toBe(1);
    });

    it('rejects a bad body, an unknown conversation and a guest, and changes nothing', async () => {
      const { bob, thread } = await threadWith(2);
      for (const body of [
        {},
        { seq: -1 },
        { seq: 'one' },
        { seq: 1.5 },
        { seq: 1, extra: true },
        null,
      ]) {
        const res = await app.http.post(`/api/conversations/${thread.id}/read`, body, {
          token: bob.accessToken,
        });
        expect([body, res.status, res.body.code]).toEqual([body, 400, 'VALIDATION']);
      }
      const unknown = await app.http.post(
        `/api/conversations/${randomUUID()}/read`,
        { seq: 1 },
        { token: bob.accessToken },
      );
      expect(unknown.status).toBe(404);
      const guest = await signInAsGuest(app.http);
      const general = await generalConversation(app.http);
      expect(
        (
          await app.http.post(
            `/api/conversations/${general.id}/read`,
            { seq: 1 },
            { token: guest.accessToken },
          )
        ).status,
      ).toBe(403);
      expect((await app.http.post(`/api/conversations/${thread.id}/read`, { seq: 1 })).status).toBe(
        401,
      );
      expect(await markerOf(bob, thread.id)).toBe(0);
    });
  });

  it('shows a renamed person’s earlier messages under their current name, keeping the stored one', async () => {
    const ann = await signUp(app.http, { displayName: 'Ann Before' });
    const bob = await signUp(app.http);
    const thread = await openThread(app.http, ann.accessToken, bob.user.id);
    const socket = await connect(ann);
    const sent = await sendMessage(socket, thread.id, 'written before the rename');
    expect(sent.sender.name).toBe('Ann Before');

    const renamed = await app.http.patch(
      '/api/users/me',
      { displayName: 'Ann After' },
      { token: ann.accessToken },
    );
    expect(renamed.status).toBe(200);

    const page = await history(app.http, thread.id, bob.accessToken);
    expect(page.body.items.map((m: Message) => m.sender.name)).toEqual(['Ann After']);
    const stored = await queryDatabase<{ sender_name: string }>(
      app.database.url,
      'SELECT sender_name FROM messages WHERE id = $1',
      [sent.id],
    );
    expect(stored.map((row) => row.sender_name)).toEqual(['Ann Before']);
  });
});
