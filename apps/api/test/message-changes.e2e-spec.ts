import type { ApiErrorBody, ConversationList, Message, MessagePage, Thread } from '@chat/contracts';
import { LIMITS } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createRoom,
  generalConversation,
  history,
  joinConversation as join,
  joinRoom,
  openThread,
  sendMessage,
} from './factories/conversations.js';
import { signInAsGuest, signUp } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

/** Message v2: edits, deletes, reactions, replies and mentions, each a change with its own rev. */
describe('message changes: one counter for every change', () => {
  const app = useTestApp({ RATE_LIMIT_USER_SENDS_PER_10S: '1000' });
  const { connect } = app;
  const lastSeq = async (conversationId: string) =>
    Number(
      (
        await queryDatabase<{ last_seq: string }>(
          app.database.url,
          'SELECT last_seq FROM conversations WHERE id = $1',
          [conversationId],
        )
      )[0]!.last_seq,
    );
  const changes = (conversationId: string, after: number, token?: string, limit?: number) =>
    app.http.get<MessagePage & Partial<ApiErrorBody>>(
      `/api/conversations/${conversationId}/changes?after=${after}${limit ? `&limit=${limit}` : ''}`,
      token ? { token } : {},
    );
  const call = async <T = Message>(
    socket: Awaited<ReturnType<typeof connect>>,
    event: string,
    payload: unknown,
  ) => socket.call<T>(event, payload);

  /** A room of `owner` with `member` in it, both connected and joined. */
  async function roomWithTwo() {
    const owner = await signUp(app.http);
    const member = await signUp(app.http);
    const room = await createRoom(
      app.http,
      owner.accessToken,
      `Changes ${randomBytes(4).toString('hex')}`,
    );
    await joinRoom(app.http, member.accessToken, room.slug!);
    const [ownerSocket, memberSocket] = await Promise.all([
      connect(owner.accessToken),
      connect(member.accessToken),
    ]);
    await Promise.all([join(ownerSocket, room.id), join(memberSocket, room.id)]);
    return { owner, member, room, ownerSocket, memberSocket };
  }

  describe('edit', () => {
    it('the sender edits: a new rev and editedAt, seq kept, the others get message:updated', async () => {
      const { owner, room, ownerSocket, memberSocket } = await roomWithTwo();
      const sent = await sendMessage(ownerSocket, room.id, 'helo');
      const before = await lastSeq(room.id);
      const ack = await call(ownerSocket, 'message:edit', { messageId: sent.id, body: ' hello ' });
      expect(ack.ok).toBe(true);
      if (!ack.ok) return;
      expect(ack.data).toMatchObject({
        id: sent.id,
        seq: sent.seq,
        rev: before + 1,
        body: 'hello',
        deletedAt: null,
      });
      expect(ack.data.editedAt).not.toBeNull();
      expect(await lastSeq(room.id)).toBe(before + 1);
      const updated = await memberSocket.next('message:updated', (m) => m.id === sent.id);
      expect(updated).toEqual(ack.data);
      // The acting socket has the ack, so it gets no copy.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ownerSocket.all('message:updated')).toHaveLength(0);
      // History still pages by seq and shows the current text.
      const page = await history(app.http, room.id, owner.accessToken);
      expect(page.body.items.find((m) => m.seq === sent.seq)?.body).toBe('hello');
    });

    it("someone else's message is FORBIDDEN, and the refused edit takes no number", async () => {
      const { room, ownerSocket, memberSocket } = await roomWithTwo();
      const sent = await sendMessage(ownerSocket, room.id, 'mine');
      const before = await lastSeq(room.id);
      const ack = await call(memberSocket, 'message:edit', { messageId: sent.id, body: 'yours' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await lastSeq(room.id)).toBe(before);
      const rest = await app.http.patch(
        `/api/messages/${sent.id}`,
        { body: 'yours' },
        {
          token: (await signUp(app.http)).accessToken,
        },
      );
      // An outsider cannot post in the room at all.
      expect(rest.status).toBe(403);
    });

    it('an unknown or deleted message is NOT_FOUND; a system line cannot be edited; bad bodies are VALIDATION', async () => {
      const { owner, member, room, ownerSocket } = await roomWithTwo();
      const unknown = await call(ownerSocket, 'message:edit', {
        messageId: '999999999',
        body: 'x',
      });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const sent = await sendMessage(ownerSocket, room.id, 'soon gone');
      expect((await call(ownerSocket, 'message:delete', { messageId: sent.id })).ok).toBe(true);
      const gone = await call(ownerSocket, 'message:edit', { messageId: sent.id, body: 'back' });
      expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

      // The member's "joined" line is attributed to the member: not even they may edit it.
      const joinedLine = (await history(app.http, room.id, owner.accessToken)).body.items.find(
        (m) => m.kind === 'system',
      )!;
      const system = await app.http.patch(
        `/api/messages/${joinedLine.id}`,
        { body: 'rewritten' },
        { token: member.accessToken },
      );
      expect(system.status).toBe(403);

      const empty = await call(ownerSocket, 'message:edit', { messageId: sent.id, body: '   ' });
      expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const badId = await app.http.patch(
        '/api/messages/abc',
        { body: 'x' },
        { token: owner.accessToken },
      );
      expect(badId.status).toBe(400);
      expect(badId.body.code).toBe('VALIDATION');
    });
  });

  describe('delete', () => {
    it('leaves a tombstone in history at its seq, with no body and no reactions', async () => {
      const { owner, room, ownerSocket, memberSocket } = await roomWithTwo();
      const sent = await sendMessage(ownerSocket, room.id, 'regret');
      expect(
        (await call(memberSocket, 'reaction:add', { messageId: sent.id, emoji: '😬' })).ok,
      ).toBe(true);
      const res = await app.http.delete<Message>(`/api/messages/${sent.id}`, {
        token: owner.accessToken,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: sent.id, seq: sent.seq, body: '', reactions: [] });
      expect(res.body.deletedAt).not.toBeNull();
      const tombstone = await memberSocket.next('message:updated', (m) => m.deletedAt !== null);
      expect(tombstone.id).toBe(sent.id);
      const page = await history(app.http, room.id, owner.accessToken);
      expect(page.body.items.find((m) => m.id === sent.id)).toMatchObject({
        body: '',
        seq: sent.seq,
      });
      const stored = await queryDatabase<{ body: string; n: string }>(
        app.database.url,
        `SELECT body, (SELECT count(*) FROM message_reactions WHERE message_id = $1) AS n
         FROM messages WHERE id = $1`,
        [sent.id],
      );
      expect(stored[0]).toEqual({ body: '', n: '0' });
      expect(
        (await app.http.delete(`/api/messages/${sent.id}`, { token: owner.accessToken })).status,
      ).toBe(404);
    });

    it("only the sender deletes, except the room's owner, who may delete anyone's", async () => {
      const { member, room, ownerSocket, memberSocket } = await roomWithTwo();
      const byOwner = await sendMessage(ownerSocket, room.id, 'owner speaks');
      const byMember = await sendMessage(memberSocket, room.id, 'member speaks');
      const refused = await app.http.delete(`/api/messages/${byOwner.id}`, {
        token: member.accessToken,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      const moderated = await call(ownerSocket, 'message:delete', { messageId: byMember.id });
      expect(moderated).toMatchObject({ ok: true, data: { id: byMember.id, body: '' } });
    });
  });

  describe('reactions', () => {
    it('adds and removes; a second identical add changes nothing and takes no number', async () => {
      const { owner, member, room, ownerSocket, memberSocket } = await roomWithTwo();
      const sent = await sendMessage(ownerSocket, room.id, 'react to me');
      const first = await call(memberSocket, 'reaction:add', { messageId: sent.id, emoji: '👍🏽' });
      expect(first).toMatchObject({
        ok: true,
        data: { reactions: [{ emoji: '👍🏽', count: 1, userIds: [member.user.id] }] },
      });
      const revAfterFirst = first.ok ? first.data.rev : 0;
      const again = await call(memberSocket, 'reaction:add', { messageId: sent.id, emoji: '👍🏽' });
      expect(again).toMatchObject({ ok: true, data: { rev: revAfterFirst } });
      expect(await lastSeq(room.id)).toBe(revAfterFirst);

      // REST, with the emoji percent-encoded in the path.
      const put = await app.http.put<Message>(
        `/api/messages/${sent.id}/reactions/${encodeURIComponent('👍🏽')}`,
        undefined,
        { token: owner.accessToken },
      );
      expect(put.status).toBe(200);
      expect(put.body.reactions).toEqual([
        { emoji: '👍🏽', count: 2, userIds: [member.user.id, owner.user.id] },
      ]);
      const seen = await memberSocket.next('message:updated', (m) => m.reactions[0]?.count === 2);
      expect(seen.rev).toBe(put.body.rev);

      const removed = await app.http.delete<Message>(
        `/api/messages/${sent.id}/reactions/${encodeURIComponent('👍🏽')}`,
        { token: member.accessToken },
      );
      expect(removed.body.reactions).toEqual([{ emoji: '👍🏽', count: 1, userIds: [owner.user.id] }]);
      const removedAgain = await call(memberSocket, 'reaction:remove', {
        messageId: sent.id,
        emoji: '👍🏽',
      });
      expect(removedAgain).toMatchObject({ ok: true, data: { rev: removed.body.rev } });
    });

    it('an emoji must be one emoji grapheme; a 21st different one is a CONFLICT', async () => {
      const { owner, room, ownerSocket } = await roomWithTwo();
      const sent = await sendMessage(ownerSocket, room.id, 'so many feelings');
      for (const bad of ['a', '👍👍', ':+1:', '']) {
        const ack = await call(ownerSocket, 'reaction:add', { messageId: sent.id, emoji: bad });
        expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
      const rest = await app.http.put(`/api/messages/${sent.id}/reactions/x`, undefined, {
        token: owner.accessToken,
      });
      expect(rest.status).toBe(400);

      const emoji = [...'😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙🥲😚🙂🤗'];
      for (const e of emoji.slice(0, LIMITS.reactionsPerMessageMax)) {
        const ack = await call(ownerSocket, 'reaction:add', { messageId: sent.id, emoji: e });
        expect(ack.ok).toBe(true);
      }
      const before = await lastSeq(room.id);
      const extra = await call(ownerSocket, 'reaction:add', {
        messageId: sent.id,
        emoji: emoji[LIMITS.reactionsPerMessageMax],
      });
      expect(extra).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await lastSeq(room.id)).toBe(before);
      // Another person may still add one of the twenty.
      const member = await signUp(app.http);
      await joinRoom(app.http, member.accessToken, room.slug!);
      const joined = await app.http.put<Message>(
        `/api/messages/${sent.id}/reactions/${encodeURIComponent(emoji[0]!)}`,
        undefined,
        { token: member.accessToken },
      );
      expect(joined.status).toBe(200);
      expect(joined.body.reactions).toHaveLength(LIMITS.reactionsPerMessageMax);
    });

    it('system lines take no reactions; visitors cannot react', async () => {
      const { owner, room } = await roomWithTwo();
      const line = (await history(app.http, room.id, owner.accessToken)).body.items.find(
        (m) => m.kind === 'system',
      )!;
      const res = await app.http.put(
        `/api/messages/${line.id}/reactions/${encodeURIComponent('🎉')}`,
        undefined,
        {
          token: owner.accessToken,
        },
      );
      expect(res.status).toBe(403);
      const visitor = await app.http.put(
        `/api/messages/${line.id}/reactions/${encodeURIComponent('🎉')}`,
      );
      expect(visitor.status).toBe(401);
    });
  });

  describe('replies', () => {
    it('carries a preview of its parent, which empties when the parent is deleted', async () => {
      const { owner, room, ownerSocket, memberSocket } = await roomWithTwo();
      const long = 'x'.repeat(200);
      const parent = await sendMessage(ownerSocket, room.id, long);
      const ack = await call(memberSocket, 'message:send', {
        conversationId: room.id,
        clientMsgId: randomUUID(),
        body: 'agreed',
        replyToId: parent.id,
      });
      expect(ack.ok).toBe(true);
      if (!ack.ok) return;
      expect(ack.data.replyTo).toEqual({
        id: parent.id,
        seq: parent.seq,
        senderName: owner.user.displayName,
        excerpt: `${'x'.repeat(LIMITS.replyExcerptMax - 1)}…`,
      });
      await call(ownerSocket, 'message:delete', { messageId: parent.id });
      // Emptying the quote is a change of the reply: it goes out live, with a rev of its own.
      const requoted = await memberSocket.next(
        'message:updated',
        (m) => m.id === ack.data.id && m.replyTo?.excerpt === '',
      );
      expect(requoted.rev).toBeGreaterThan(ack.data.rev);
      const page = await history(app.http, room.id, owner.accessToken);
      expect(page.body.items.find((m) => m.id === ack.data.id)?.replyTo).toMatchObject({
        id: parent.id,
        excerpt: '',
      });
    });

    it('refuses a parent from another conversation, or one that does not exist, as VALIDATION', async () => {
      const { owner, room, ownerSocket } = await roomWithTwo();
      const general = await generalConversation(app.http);
      await join(ownerSocket, general.id);
      const elsewhere = await sendMessage(ownerSocket, general.id, 'in general');
      for (const replyToId of [elsewhere.id, '987654321']) {
        const res = await app.http.post(
          `/api/conversations/${room.id}/messages`,
          { clientMsgId: randomUUID(), body: 'hm', replyToId },
          { token: owner.accessToken },
        );
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION', details: [{ path: 'replyToId' }] });
      }
    });
  });

  describe('mentions', () => {
    it('lists the mentioned members, tells them with mention:new, and counts them in their threads', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const thread = await openThread(app.http, ann.accessToken, bob.user.id);
      const [annSocket, bobSocket] = await Promise.all([
        connect(ann.accessToken),
        connect(bob.accessToken),
      ]);
      await join(annSocket, thread.id);
      const outsider = await signUp(app.http);
      const body = `hey @${bob.user.username.toUpperCase()}, and @${outsider.user.username}. mail me at x@${bob.user.username}.org`;
      const sent = await sendMessage(annSocket, thread.id, body);
      expect(sent.mentions).toEqual([bob.user.id]);
      // Bob has not opened the thread, yet hears of the mention on his personal room.
      const mention = await bobSocket.next('mention:new', (p) => p.message.id === sent.id);
      expect(mention.conversationId).toBe(thread.id);

      const threads = await app.http.get<{ items: Thread[] }>('/api/threads', {
        token: bob.accessToken,
      });
      expect(threads.body.items.find((t) => t.id === thread.id)).toMatchObject({
        unread: 1,
        mentionCount: 1,
      });
      // An edit that adds a mention tells only the newly mentioned.
      const plain = await sendMessage(annSocket, thread.id, 'no one here');
      const edited = await call(annSocket, 'message:edit', {
        messageId: plain.id,
        body: `now @${bob.user.username}`,
      });
      expect(edited).toMatchObject({ ok: true, data: { mentions: [bob.user.id] } });
      await bobSocket.next('mention:new', (p) => p.message.id === plain.id);
      expect(bobSocket.all('mention:new')).toHaveLength(2);
    });

    it('a room mention names only members who can read it', async () => {
      const { owner, member, room, ownerSocket } = await roomWithTwo();
      const stranger = await signUp(app.http);
      const sent = await sendMessage(
        ownerSocket,
        room.id,
        `@${member.user.username} @${stranger.user.username} @${owner.user.username}`,
      );
      expect([...sent.mentions].sort()).toEqual([member.user.id, owner.user.id].sort());
      await sendMessage(ownerSocket, room.id, 'and one more, mentioning nobody');
      // The member's own room list counts both as unread, one of them as a mention.
      const mine = await app.http.get<ConversationList>('/api/rooms?mine=true', {
        token: member.accessToken,
      });
      expect(mine.body.items.find((c) => c.id === room.id)).toMatchObject({
        unread: 2,
        mentionCount: 1,
      });
    });
  });

  describe('REST send', () => {
    it('posts (201) and a retry with the same clientMsgId answers the original (200)', async () => {
      const { owner, room, memberSocket } = await roomWithTwo();
      const clientMsgId = randomUUID();
      const first = await app.http.post<Message>(
        `/api/conversations/${room.id}/messages`,
        { clientMsgId, body: 'from a script' },
        { token: owner.accessToken },
      );
      expect(first.status).toBe(201);
      const live = await memberSocket.next('message:new', (m) => m.id === first.body.id);
      expect(live.body).toBe('from a script');
      const retry = await app.http.post<Message>(
        `/api/conversations/${room.id}/messages`,
        { clientMsgId, body: 'from a script' },
        { token: owner.accessToken },
      );
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(
        (await app.messagesIn(room.id)).filter((m) => m.body === 'from a script'),
      ).toHaveLength(1);
    });

    it('guests may post in general; visitors may not; bad bodies are VALIDATION', async () => {
      const general = await generalConversation(app.http);
      const guest = await signInAsGuest(app.http);
      const ok = await app.http.post(
        `/api/conversations/${general.id}/messages`,
        { clientMsgId: randomUUID(), body: 'hi from a guest' },
        { token: guest.accessToken },
      );
      expect(ok.status).toBe(201);
      const visitor = await app.http.post(`/api/conversations/${general.id}/messages`, {
        clientMsgId: randomUUID(),
        body: 'hi',
      });
      expect(visitor.status).toBe(401);
      const empty = await app.http.post(
        `/api/conversations/${general.id}/messages`,
        { clientMsgId: randomUUID(), body: '  ' },
        { token: guest.accessToken },
      );
      expect(empty.status).toBe(400);
      expect(empty.body.code).toBe('VALIDATION');
    });
  });

  describe('catch-up by rev', () => {
    it('GET changes and conversation:join return every change after N, once each, by rev', async () => {
      const { owner, room, ownerSocket, memberSocket } = await roomWithTwo();
      const a = await sendMessage(ownerSocket, room.id, 'a');
      const b = await sendMessage(ownerSocket, room.id, 'b');
      const mark = await lastSeq(room.id);
      // After the mark: b edited twice, a reacted to, c sent, a deleted.
      await call(ownerSocket, 'message:edit', { messageId: b.id, body: 'b1' });
      await call(ownerSocket, 'message:edit', { messageId: b.id, body: 'b2' });
      await call(memberSocket, 'reaction:add', { messageId: a.id, emoji: '🔥' });
      const c = await sendMessage(ownerSocket, room.id, 'c');
      await call(ownerSocket, 'message:delete', { messageId: a.id });

      const res = await changes(room.id, mark, owner.accessToken);
      expect(res.status).toBe(200);
      expect(res.body.hasMore).toBe(false);
      expect(res.body.items.map((m) => [m.id, m.body])).toEqual([
        [b.id, 'b2'],
        [c.id, 'c'],
        [a.id, ''],
      ]);
      const revs = res.body.items.map((m) => m.rev);
      expect(revs).toEqual([...revs].sort((x, y) => x - y));
      expect(revs.at(-1)).toBe(await lastSeq(room.id));

      const page = await changes(room.id, mark, owner.accessToken, 2);
      expect(page.body).toMatchObject({ hasMore: true });
      expect(page.body.items.map((m) => m.id)).toEqual([b.id, c.id]);

      const late = await connect(owner.accessToken);
      const joined = await join(late, room.id, mark);
      expect(joined.missed.map((m) => m.id)).toEqual([b.id, c.id, a.id]);
    });

    it('is readable as history is: a non-member is refused, bad cursors are VALIDATION', async () => {
      const { room } = await roomWithTwo();
      const outsider = await signUp(app.http);
      expect((await changes(room.id, 0, outsider.accessToken)).status).toBe(403);
      const bad = await app.http.get(`/api/conversations/${room.id}/changes?after=-1`, {
        token: outsider.accessToken,
      });
      expect(bad.status).toBe(400);
      const missing = await app.http.get(`/api/conversations/${room.id}/changes`, {
        token: outsider.accessToken,
      });
      expect(missing.status).toBe(400);
    });

    it('concurrent sends, edits and reactions keep the counter gapless', async () => {
      const { room, ownerSocket, memberSocket } = await roomWithTwo();
      const seeds: Message[] = [];
      for (let i = 0; i < 5; i++) seeds.push(await sendMessage(ownerSocket, room.id, `seed ${i}`));
      const start = await lastSeq(room.id);
      const emoji = [...'😀😁😂🤣😃'];
      const results = await Promise.all([
        ...seeds.map((m, i) =>
          call(ownerSocket, 'message:edit', { messageId: m.id, body: `e${i}` }),
        ),
        ...seeds.flatMap((m) =>
          emoji.map((e) => call(memberSocket, 'reaction:add', { messageId: m.id, emoji: e })),
        ),
        ...Array.from({ length: 10 }, (_, i) =>
          call(memberSocket, 'message:send', {
            conversationId: room.id,
            clientMsgId: randomUUID(),
            body: `n${i}`,
          }),
        ),
      ]);
      expect(results.every((r) => r.ok)).toBe(true);
      // Refusals batched with the rest take no number and spoil nothing.
      const [refused, allowed] = await Promise.all([
        call(memberSocket, 'message:edit', { messageId: seeds[0]!.id, body: 'not yours' }),
        call(memberSocket, 'reaction:add', { messageId: seeds[0]!.id, emoji: '🎉' }),
      ]);
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(allowed.ok).toBe(true);
      const end = await lastSeq(room.id);
      expect(end - start).toBe(5 + 25 + 10 + 1);
      const stored = await queryDatabase<{ rev: string }>(
        app.database.url,
        'SELECT rev FROM messages WHERE conversation_id = $1 AND rev > $2 ORDER BY rev',
        [room.id, start],
      );
      // Each message keeps its latest rev: distinct, ascending, the last one is the counter.
      const revs = stored.map((r) => Number(r.rev));
      expect(new Set(revs).size).toBe(revs.length);
      expect(revs.at(-1)).toBe(end);
    });
  });
});
