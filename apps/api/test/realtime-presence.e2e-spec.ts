import type { PublicUser } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import {
  createRoom,
  generalConversation,
  joinConversation as join,
  joinRoom,
  roomWithMembers,
} from './factories/conversations.js';
import { signUp } from './factories/users.js';
import { useTestApp } from './support/use-test-app.js';

describe('realtime: joining, presence, the welcome and typing', () => {
  const app = useTestApp();
  const { connect } = app;
  const roomWith = (count: number) => roomWithMembers(app.http, count);
  const rowsIn = (conversationId: string) => app.messagesIn(conversationId, ['body']);

  describe('joining, presence and the welcome', () => {
    it('conversation:join answers the conversation, who is here, and a welcome to the joiner only', async () => {
      const { owner, room, members } = await roomWith(1);
      const ownerSocket = await connect(owner.accessToken);
      const first = await join(ownerSocket, room.id);
      expect(first.conversation).toMatchObject({
        id: room.id,
        kind: 'room',
        slug: room.slug,
        memberCount: 2,
        onlineCount: 1,
        lastSeq: 1,
      });
      expect(first.presence).toEqual([
        {
          id: owner.user.id,
          username: owner.user.username,
          displayName: owner.user.displayName,
          avatarColor: owner.user.avatarColor,
        },
      ]);
      expect(first).toMatchObject({ missed: [], hasMore: false });
      expect(await ownerSocket.next('system:notice', (n) => n.conversationId === room.id)).toEqual({
        conversationId: room.id,
        text: `Welcome to #${room.slug} — 1 online`,
      });

      const memberSocket = await connect(members[0]!.accessToken);
      const second = await join(memberSocket, room.id);
      expect(second.presence.map((p) => p.id).sort()).toEqual(
        [owner.user.id, members[0]!.user.id].sort(),
      );
      expect((await memberSocket.next('system:notice')).text).toBe(
        `Welcome to #${room.slug} — 2 online`,
      );
      await ownerSocket.roundTrip();
      expect(ownerSocket.all('system:notice')).toHaveLength(1);
      // The notice is not stored.
      expect(await rowsIn(room.id)).toEqual([{ body: `${members[0]!.user.displayName} joined` }]);
    });

    it('welcomes to #general with the number of people online there', async () => {
      const general = await generalConversation(app.http);
      const ann = await connect((await signUp(app.http)).accessToken);
      const joined = await join(ann, general.id);
      const notice = await ann.next('system:notice', (n) => n.conversationId === general.id);
      expect(notice.text).toBe(`Welcome to #general — ${joined.presence.length} online`);
      expect(joined.presence.length).toBeGreaterThanOrEqual(1);
    });

    it('presence:join and presence:leave come once per user, however many tabs', async () => {
      const { owner, room, members } = await roomWith(1);
      const ann = members[0]!;
      const watcher = await connect(owner.accessToken);
      await join(watcher, room.id);
      const tab1 = await connect(ann.accessToken);
      const tab2 = await connect(ann.accessToken);
      const ofAnn = (list: Array<{ conversationId: string; user: { id: string } }>) =>
        list.filter((p) => p.conversationId === room.id && p.user.id === ann.user.id);

      await join(tab1, room.id);
      expect(await watcher.next('presence:join', (p) => p.user.id === ann.user.id)).toEqual({
        conversationId: room.id,
        user: {
          id: ann.user.id,
          username: ann.user.username,
          displayName: ann.user.displayName,
          avatarColor: ann.user.avatarColor,
        },
      });
      const again = await join(tab2, room.id);
      expect(again.presence.filter((p) => p.id === ann.user.id)).toHaveLength(1);
      await watcher.roundTrip();
      expect(ofAnn(watcher.all('presence:join'))).toHaveLength(1);

      await tab1.call('conversation:leave', { conversationId: room.id });
      await watcher.roundTrip();
      expect(ofAnn(watcher.all('presence:leave'))).toEqual([]);

      tab2.close();
      await watcher.next('presence:leave', (p) => p.user.id === ann.user.id);
      await watcher.roundTrip();
      expect(ofAnn(watcher.all('presence:leave'))).toHaveLength(1);
      // The joiner itself is not told about its own arrival.
      expect(ofAnn(tab1.all('presence:join'))).toEqual([]);
    });

    it('a closed tab is not a leave while another tab of the user is still in the conversation', async () => {
      const { owner, room, members } = await roomWith(1);
      const other = await roomWith(0);
      const ann = members[0]!;
      await joinRoom(app.http, owner.accessToken, other.room.slug!);
      await joinRoom(app.http, ann.accessToken, other.room.slug!);
      const watcher = await connect(owner.accessToken);
      await join(watcher, room.id);
      await join(watcher, other.room.id);
      const stays = await connect(ann.accessToken);
      const goes = await connect(ann.accessToken);
      await join(stays, room.id);
      await join(goes, room.id);
      await join(goes, other.room.id);

      goes.close();
      // `goes` was ann's only tab in the other room: that leave shows the disconnect was handled.
      await watcher.next(
        'presence:leave',
        (p) => p.conversationId === other.room.id && p.user.id === ann.user.id,
      );
      await watcher.roundTrip();
      expect(watcher.all('presence:leave').filter((p) => p.conversationId === room.id)).toEqual([]);
      expect(watcher.all('user:offline').filter((u) => u.userId === ann.user.id)).toEqual([]);
    });

    it('user:online and user:offline come once per user across tabs', async () => {
      const watcherUser = await signUp(app.http);
      const ann = await signUp(app.http);
      const room = await createRoom(
        app.http,
        watcherUser.accessToken,
        `Lobby ${randomBytes(4).toString('hex')}`,
      );
      await joinRoom(app.http, ann.accessToken, room.slug!);
      const watcher = await connect(watcherUser.accessToken);
      await join(watcher, room.id);

      const tab1 = await connect(ann.accessToken);
      await watcher.next('user:online', (u) => u.userId === ann.user.id);
      const tab2 = await connect(ann.accessToken);
      await watcher.roundTrip();
      expect(watcher.all('user:online').filter((u) => u.userId === ann.user.id)).toHaveLength(1);
      // Others are told, the new tab is not told about itself.
      expect(tab1.all('user:online').filter((u) => u.userId === ann.user.id)).toEqual([]);

      await join(tab1, room.id);
      tab1.close();
      await watcher.next('presence:leave', (p) => p.user.id === ann.user.id);
      await watcher.roundTrip();
      expect(watcher.all('user:offline').filter((u) => u.userId === ann.user.id)).toEqual([]);
      const online = await app.http.get<PublicUser>(`/api/users/${ann.user.username}`);
      expect(online.body.online).toBe(true);

      tab2.close();
      await watcher.next('user:offline', (u) => u.userId === ann.user.id);
      await watcher.roundTrip();
      expect(watcher.all('user:offline').filter((u) => u.userId === ann.user.id)).toHaveLength(1);
      const offline = await app.http.get<PublicUser>(`/api/users/${ann.user.username}`);
      // (lastSeenAt is written just after user:offline goes out, so it is not checked here.)
      expect(offline.body.online).toBe(false);
    });
  });

  describe('typing', () => {
    it('is relayed to the others in the conversation, not to the sender', async () => {
      const { owner, room, members } = await roomWith(1);
      const ann = members[0]!;
      const annSocket = await connect(ann.accessToken);
      const ownerSocket = await connect(owner.accessToken);
      const outsider = await connect((await signUp(app.http)).accessToken);
      await join(annSocket, room.id);
      await join(ownerSocket, room.id);
      expect(await annSocket.call('typing', { conversationId: room.id, isTyping: true })).toEqual({
        ok: true,
        data: null,
      });
      expect(await ownerSocket.next('typing')).toEqual({
        conversationId: room.id,
        user: {
          id: ann.user.id,
          username: ann.user.username,
          displayName: ann.user.displayName,
          avatarColor: ann.user.avatarColor,
        },
        isTyping: true,
      });
      await annSocket.call('typing', { conversationId: room.id, isTyping: false });
      await ownerSocket.next('typing', (t) => !t.isTyping);
      await Promise.all([annSocket.roundTrip(), outsider.roundTrip()]);
      expect(annSocket.all('typing')).toEqual([]);
      expect(outsider.all('typing')).toEqual([]);
    });

    it('needs the conversation joined first', async () => {
      const { members, room } = await roomWith(1);
      const socket = await connect(members[0]!.accessToken);
      expect(
        await socket.call('typing', { conversationId: room.id, isTyping: true }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });
});
