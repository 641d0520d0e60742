import type { Message } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  generalConversation,
  history,
  openThread,
  sendMessage,
} from './factories/conversations.js';
import { signUp } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

describe('messages: what is stored', () => {
  // Seeding history sends more than the default 20 per 10 s. Sockets live until the app closes.
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

  describe('what is stored', () => {
    it('trims the body; an empty, blank or 4001-character body is refused with VALIDATION and not stored', async () => {
      const { ann, thread, annSocket } = await threadWith(0);
      const trimmed = await sendMessage(annSocket, thread.id, '  \n hello there \t ');
      expect(trimmed.body).toBe('hello there');
      const longest = await sendMessage(annSocket, thread.id, 'x'.repeat(4000));
      expect(longest.body).toHaveLength(4000);
      for (const body of ['', '   ', '\n\t ', 'y'.repeat(4001), `  ${'z'.repeat(4001)}  `]) {
        const ack = await annSocket.call('message:send', {
          conversationId: thread.id,
          clientMsgId: randomUUID(),
          body,
        });
        expect(ack).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION', message: expect.any(String) },
        });
      }
      // Whitespace around a 4000-character body does not count.
      expect(
        (await sendMessage(annSocket, thread.id, `  ${'w'.repeat(4000)}  `)).body,
      ).toHaveLength(4000);
      const rows = await queryDatabase<{ body: string }>(
        app.database.url,
        'SELECT body FROM messages WHERE conversation_id = $1 ORDER BY seq',
        [thread.id],
      );
      expect(rows.map((r) => r.body.slice(0, 11))).toEqual([
        'hello there',
        'x'.repeat(11),
        'w'.repeat(11),
      ]);
      const page = await history(app.http, thread.id, ann.accessToken);
      expect(seqs(page.body.items)).toEqual([1, 2, 3]);
    });

    it('refuses a body with a NUL character with VALIDATION (PostgreSQL cannot store it)', async () => {
      const { thread, annSocket } = await threadWith(0);
      const ack = await annSocket.call('message:send', {
        conversationId: thread.id,
        clientMsgId: randomUUID(),
        body: 'a\u0000b',
      });
      expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await sendMessage(annSocket, thread.id, 'still fine')).toMatchObject({ seq: 1 });
    });

    it('a retried send (same clientMsgId) returns the stored message and stores one row', async () => {
      const { ann, thread, annSocket, bob } = await threadWith(1);
      const bobSocket = await connect(bob);
      const clientMsgId = randomUUID();
      const first = await sendMessage(annSocket, thread.id, 'only once', clientMsgId);
      const retry = await sendMessage(annSocket, thread.id, 'only once', clientMsgId);
      expect(retry).toEqual(first);
      expect(first.seq).toBe(2);
      // A retry from another connection (a reconnect) and racing copies are stored once too.
      const annAgain = await connect(ann);
      expect(await sendMessage(annAgain, thread.id, 'only once', clientMsgId)).toEqual(first);
      const racing = randomUUID();
      const copies = await Promise.all(
        [1, 2, 3].map(() => sendMessage(annSocket, thread.id, 'raced', racing)),
      );
      expect(new Set(copies.map((m) => m.id)).size).toBe(1);
      const rows = await queryDatabase<{ seq: string; body: string }>(
        app.database.url,
        'SELECT seq, body FROM messages WHERE conversation_id = $1 ORDER BY seq',
        [thread.id],
      );
      expect(rows).toEqual([
        { seq: '1', body: 'm1' },
        { seq: '2', body: 'only once' },
        { seq: '3', body: 'raced' },
      ]);
      // The other side was told once per stored message.
      await bobSocket.next('message:new', (m) => m.seq === 3);
      await bobSocket.roundTrip();
      expect(bobSocket.all('message:new').map((m) => m.seq)).toEqual([2, 3]);
    });

    it('treats ids the same however they are cased: an upper-case retry is the same send', async () => {
      const { thread, annSocket } = await threadWith(0);
      const clientMsgId = randomUUID();
      const send = (conversationId: string, id: string) =>
        annSocket.call<Message>('message:send', { conversationId, clientMsgId: id, body: 'cased' });
      const first = await send(thread.id.toUpperCase(), clientMsgId.toUpperCase());
      const retry = await send(thread.id, clientMsgId);
      expect(first).toMatchObject({ ok: true, data: { conversationId: thread.id, clientMsgId } });
      expect(retry.ok && first.ok && retry.data.id).toBe(first.ok && first.data.id);
      const rows = await queryDatabase(
        app.database.url,
        'SELECT 1 FROM messages WHERE conversation_id = $1',
        [thread.id],
      );
      expect(rows).toHaveLength(1);
    });

    it('stores the sender name as it was when posted, and shows the current one', async () => {
      const ann = await signUp(app.http, { displayName: 'Ann Before' });
      const general = await generalConversation(app.http);
      const annSocket = await connect(ann);
      const old = await sendMessage(annSocket, general.id, 'said before the rename');
      expect(old.sender.name).toBe('Ann Before');
      const renamed = await app.http.patch(
        '/api/users/me',
        { displayName: 'Ann After' },
        { token: ann.accessToken },
      );
      expect(renamed.status).toBe(200);
      const fresh = await sendMessage(annSocket, general.id, 'said after the rename');
      expect(fresh.sender.name).toBe('Ann After');
      const page = await history(app.http, general.id, undefined, `after=${old.seq - 1}`);
      const byId = new Map(page.body.items.map((m) => [m.id, m]));
      expect(byId.get(old.id)?.sender.name).toBe('Ann After');
      expect(byId.get(fresh.id)?.sender.name).toBe('Ann After');
      const stored = await queryDatabase<{ id: string; sender_name: string }>(
        app.database.url,
        'SELECT id::text, sender_name FROM messages WHERE id = ANY($1::bigint[]) ORDER BY seq',
        [[old.id, fresh.id]],
      );
      expect(stored.map((row) => row.sender_name)).toEqual(['Ann Before', 'Ann After']);
    });
  });
});
