import type { PublicUser } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  generalConversation,
  history,
  joinConversation as join,
  openThread,
  roomWithMembers,
  sendMessage,
} from './factories/conversations.js';
import { signInAsGuest, signUp } from './factories/users.js';
import { useTestApp } from './support/use-test-app.js';

describe('realtime: messages between people, guests and visitors', () => {
  const app = useTestApp();
  const { connect } = app;
  const roomWith = (count: number) => roomWithMembers(app.http, count);
  const rowsIn = (conversationId: string) => app.messagesIn(conversationId, ['body']);

  describe('messages', () => {
    it('two users exchange private messages both ways without joining the thread', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const annSocket = await connect(ann.accessToken);
      const bobSocket = await connect(bob.accessToken);
      const thread = await openThread(app.http, ann.accessToken, bob.user.id);

      const hello = await sendMessage(annSocket, thread.id, 'hi bob');
      expect(await bobSocket.next('message:new', (m) => m.id === hello.id)).toEqual(hello);
      const reply = await sendMessage(bobSocket, thread.id, 'hi ann');
      expect(await annSocket.next('message:new', (m) => m.id === reply.id)).toEqual(reply);
      expect(reply.seq).toBe(hello.seq + 1);
      expect(reply.sender).toMatchObject({
        id: bob.user.id,
        kind: 'user',
        username: bob.user.username,
      });

      for (const user of [ann, bob]) {
        const page = await history(app.http, thread.id, user.accessToken);
        expect(page.body.items.map((m) => [m.sender.id, m.body])).toEqual([
          [ann.user.id, 'hi bob'],
          [bob.user.id, 'hi ann'],
        ]);
      }
    });

    it('a thread message reaches each socket of the recipient once, joined to the thread or not', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const thread = await openThread(app.http, ann.accessToken, bob.user.id);
      const annSocket = await connect(ann.accessToken);
      const bobJoined = await connect(bob.accessToken);
      const bobElsewhere = await connect(bob.accessToken);
      await join(bobJoined, thread.id);
      const sent = await sendMessage(annSocket, thread.id, 'ping');
      await bobJoined.next('message:new', (m) => m.id === sent.id);
      await bobElsewhere.next('message:new', (m) => m.id === sent.id);
      await Promise.all([bobJoined.roundTrip(), bobElsewhere.roundTrip()]);
      expect(bobJoined.all('message:new')).toHaveLength(1);
      expect(bobElsewhere.all('message:new')).toHaveLength(1);
    });

    it('the sending socket is not echoed; the sender’s other tabs and others get the message', async () => {
      const { owner, room, members } = await roomWith(1);
      const tab1 = await connect(owner.accessToken);
      const tab2 = await connect(owner.accessToken);
      const other = await connect(members[0]!.accessToken);
      for (const socket of [tab1, tab2, other]) await join(socket, room.id);

      const sent = await sendMessage(tab1, room.id, 'from tab 1');
      expect(await tab2.next('message:new', (m) => m.id === sent.id)).toEqual(sent);
      expect(await other.next('message:new', (m) => m.id === sent.id)).toEqual(sent);
      await tab1.roundTrip();
      expect(tab1.all('message:new')).toEqual([]);

      // Same for a thread, where the sender's personal room also gets it.
      const thread = await openThread(app.http, owner.accessToken, members[0]!.user.id);
      const direct = await sendMessage(tab1, thread.id, 'private');
      await tab2.next('message:new', (m) => m.id === direct.id);
      await other.next('message:new', (m) => m.id === direct.id);
      await tab1.roundTrip();
      expect(tab1.all('message:new')).toEqual([]);
    });

    it('after conversation:leave a socket no longer gets the conversation', async () => {
      const { owner, room, members } = await roomWith(1);
      const ownerSocket = await connect(owner.accessToken);
      const memberSocket = await connect(members[0]!.accessToken);
      await join(ownerSocket, room.id);
      await join(memberSocket, room.id);
      expect(await memberSocket.call('conversation:leave', { conversationId: room.id })).toEqual({
        ok: true,
        data: null,
      });
      await sendMessage(ownerSocket, room.id, 'after you left');
      await memberSocket.roundTrip();
      expect(memberSocket.all('message:new')).toEqual([]);
    });

    it('user:updated reaches the sockets that watch the user, and no others', async () => {
      const ann = await signUp(app.http);
      const watcher = await connect((await signUp(app.http)).accessToken);
      const bystander = await connect((await signUp(app.http)).accessToken);
      const stoppedWatching = await connect((await signUp(app.http)).accessToken);
      await watcher.call('presence:watch', { userIds: [ann.user.id] });
      await stoppedWatching.call('presence:watch', { userIds: [ann.user.id] });
      await stoppedWatching.call('presence:watch', { userIds: [] });
      const patched = await app.http.patch(
        '/api/users/me',
        { displayName: 'Ann Renamed' },
        { token: ann.accessToken },
      );
      expect(patched.status).toBe(200);
      const updated = await watcher.next('user:updated', (u: PublicUser) => u.id === ann.user.id);
      expect(updated).toMatchObject({
        id: ann.user.id,
        displayName: 'Ann Renamed',
        username: ann.user.username,
      });
      expect(updated).not.toHaveProperty('passwordHash');
      await Promise.all([bystander.roundTrip(), stoppedWatching.roundTrip()]);
      expect(bystander.all('user:updated')).toEqual([]);
      expect(stoppedWatching.all('user:updated')).toEqual([]);
    });
  });

  describe('guests and visitors', () => {
    it('a guest posts in general as a guest and everyone there sees it', async () => {
      const general = await generalConversation(app.http);
      const guest = await signInAsGuest(app.http, 'Gus');
      const guestSocket = await connect(guest.accessToken);
      const reader = await connect((await signUp(app.http)).accessToken);
      const session = guestSocket.all('session')[0];
      expect(session).toMatchObject({
        user: null,
        guest: { id: guest.guest.id, name: guest.guest.name },
      });
      await join(guestSocket, general.id);
      await join(reader, general.id);
      const sent = await sendMessage(guestSocket, general.id, 'hello from a guest');
      expect(sent.sender).toEqual({ id: guest.guest.id, kind: 'guest', name: guest.guest.name });
      expect(await reader.next('message:new', (m) => m.id === sent.id)).toEqual(sent);
      const page = await history(app.http, general.id, undefined, `after=${sent.seq - 1}&limit=1`);
      expect(page.body.items[0]).toMatchObject({
        id: sent.id,
        sender: { kind: 'guest', name: guest.guest.name },
      });
    });

    it('a guest cannot join or post in a room, nor use a thread', async () => {
      const { owner, room, members } = await roomWith(1);
      const thread = await openThread(app.http, owner.accessToken, members[0]!.user.id);
      const guest = await signInAsGuest(app.http);
      const guestSocket = await connect(guest.accessToken);
      expect(
        await guestSocket.call('conversation:join', { conversationId: room.id }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const sent = await guestSocket.call('message:send', {
        conversationId: room.id,
        clientMsgId: randomUUID(),
        body: 'let me in',
      });
      expect(sent).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(
        await guestSocket.call('conversation:join', { conversationId: thread.id }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const opened = await app.http.post(
        '/api/threads',
        { userId: owner.user.id },
        { token: guest.accessToken },
      );
      expect(opened.status).toBe(403);
      expect((await rowsIn(room.id)).map((r) => r.body)).toEqual([
        `${members[0]!.user.displayName} joined`,
      ]);
      expect(await rowsIn(thread.id)).toEqual([]);
    });

    it('a visitor joins general and reads it live, but cannot post or type', async () => {
      const general = await generalConversation(app.http);
      const visitor = await connect();
      expect(visitor.all('session')[0]).toMatchObject({
        user: null,
        guest: null,
        serverTime: expect.any(String),
      });
      const joined = await join(visitor, general.id, 0);
      expect(joined.conversation).toMatchObject({ id: general.id, kind: 'general' });
      expect(joined.presence.every((p) => typeof p.id === 'string')).toBe(true);
      const poster = await connect((await signUp(app.http)).accessToken);
      await join(poster, general.id);
      const sent = await sendMessage(poster, general.id, 'visitors can read this');
      await visitor.next('message:new', (m) => m.id === sent.id);

      const before = await rowsIn(general.id);
      const refused = await visitor.call('message:send', {
        conversationId: general.id,
        clientMsgId: randomUUID(),
        body: 'let me post',
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      expect(
        await visitor.call('typing', { conversationId: general.id, isTyping: true }),
      ).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      expect(await rowsIn(general.id)).toEqual(before);

      const { room } = await roomWith(0);
      expect(await visitor.call('conversation:join', { conversationId: room.id })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHORIZED' },
      });
    });
  });
});
