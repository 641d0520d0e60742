import { isConversationPresence, LIMITS, type PublicUser } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  generalConversation,
  joinConversation as join,
  joinRoom,
  roomWithMembers,
} from './factories/conversations.js';
import { insertUsers, signUp } from './factories/users.js';
import { useTestApp } from './support/use-test-app.js';

/** Longer than one presence frame interval: whatever was coming has come. */
const settle = () => sleep(1300);

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
      expect(first).toMatchObject({ presenceCount: 1, missed: [], hasMore: false });
      expect(await ownerSocket.next('system:notice', (n) => n.conversationId === room.id)).toEqual({
        conversationId: room.id,
        text: `Welcome to #${room.slug}`,
      });

      const memberSocket = await connect(members[0]!.accessToken);
      const second = await join(memberSocket, room.id);
      expect(second.presence.map((p) => p.id).sort()).toEqual(
        [owner.user.id, members[0]!.user.id].sort(),
      );
      expect(second.presenceCount).toBe(2);
      // The live count is `presence`; the notice carries none that would go stale.
      expect((await memberSocket.next('system:notice')).text).toBe(`Welcome to #${room.slug}`);
      await ownerSocket.roundTrip();
      expect(ownerSocket.all('system:notice')).toHaveLength(1);
      // The notice is not stored.
      expect(await rowsIn(room.id)).toEqual([{ body: `${members[0]!.user.displayName} joined` }]);
    });

    it('welcomes to #general, the number online in `presence` rather than in the text', async () => {
      const general = await generalConversation(app.http);
      const ann = await connect((await signUp(app.http)).accessToken);
      const joined = await join(ann, general.id);
      const notice = await ann.next('system:notice', (n) => n.conversationId === general.id);
      expect(notice.text).toBe('Welcome to #general');
      expect(joined.presence.length).toBeGreaterThanOrEqual(1);
    });

    it('welcomes to a private thread without an "N online" count', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const thread = await app.http.post(
        '/api/threads',
        { userId: bob.user.id },
        { token: ann.accessToken },
      );
      const socket = await connect(ann.accessToken);
      await join(socket, thread.body.id);
      const notice = await socket.next('system:notice', (n) => n.conversationId === thread.body.id);
      expect(notice.text).toBe('Welcome to your private thread');
    });

    it('conversation presence comes as coalesced presence:changed, once per user however many tabs', async () => {
      const { owner, room, members } = await roomWith(1);
      const ann = members[0]!;
      const watcher = await connect(owner.accessToken);
      await join(watcher, room.id);
      const tab1 = await connect(ann.accessToken);
      const tab2 = await connect(ann.accessToken);
      const mentions = (change: 'joined' | 'left') =>
        watcher
          .conversationPresence(room.id)
          .filter((p) =>
            change === 'joined'
              ? p.joined.some((u) => u.id === ann.user.id)
              : p.left.includes(ann.user.id),
          );

      await join(tab1, room.id);
      const arrived = await watcher.presenceIn(room.id, 'joined', ann.user.id);
      expect(arrived.joined.find((u) => u.id === ann.user.id)).toEqual({
        id: ann.user.id,
        username: ann.user.username,
        displayName: ann.user.displayName,
        avatarColor: ann.user.avatarColor,
      });
      expect(arrived.count).toBe(2);
      const again = await join(tab2, room.id);
      expect(again.presence.filter((p) => p.id === ann.user.id)).toHaveLength(1);
      await settle();
      expect(mentions('joined')).toHaveLength(1);

      await tab1.call('conversation:leave', { conversationId: room.id });
      await settle();
      expect(mentions('left')).toEqual([]);

      tab2.close();
      await watcher.presenceIn(room.id, 'left', ann.user.id);
      await settle();
      expect(mentions('left')).toHaveLength(1);
      // The welcome's count follows presence: the watcher is alone again.
      const rejoined = await join(watcher, room.id);
      expect(rejoined.presence.map((u) => u.id)).toEqual([owner.user.id]);
      expect(rejoined.presenceCount).toBe(1);
    });

    it('lists at most LIMITS.presenceListedMax people present, in the answer and per frame, and counts them all', async () => {
      const general = await generalConversation(app.http);
      const watcher = await connect((await signUp(app.http)).accessToken);
      const before = (await join(watcher, general.id)).presenceCount;
      const crowd = await insertUsers(app.database.url, LIMITS.presenceListedMax + 20);
      const sockets = await Promise.all(crowd.map(({ token }) => connect(token)));
      await Promise.all(sockets.map((socket) => join(socket, general.id)));
      const everyone = before + crowd.length;

      await watcher.next(
        'presence:changed',
        (p) => isConversationPresence(p) && p.conversationId === general.id && p.count === everyone,
      );
      const frames = watcher.conversationPresence(general.id);
      for (const frame of frames)
        expect(frame.joined.length).toBeLessThanOrEqual(LIMITS.presenceListedMax);

      const late = await join(watcher, general.id);
      expect(late.presence).toHaveLength(LIMITS.presenceListedMax);
      expect(new Set(late.presence.map((u) => u.id)).size).toBe(LIMITS.presenceListedMax);
      expect(late.presenceCount).toBe(everyone);
      sockets.forEach((socket) => socket.close());
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
      await watcher.call('presence:watch', { userIds: [ann.user.id] });
      const stays = await connect(ann.accessToken);
      const goes = await connect(ann.accessToken);
      await join(stays, room.id);
      await join(goes, room.id);
      await join(goes, other.room.id);

      goes.close();
      // `goes` was ann's only tab in the other room: that leave shows the disconnect was handled.
      await watcher.presenceIn(other.room.id, 'left', ann.user.id);
      await settle();
      expect(watcher.conversationPresence(room.id).filter((p) => p.left.length > 0)).toEqual([]);
      expect(watcher.userPresence().filter((p) => p.offline.includes(ann.user.id))).toEqual([]);
    });

    it('watched users: online and offline once per user across tabs, only to their watchers', async () => {
      const watcherUser = await signUp(app.http);
      const ann = await signUp(app.http);
      const watcher = await connect(watcherUser.accessToken);
      const bystander = await connect((await signUp(app.http)).accessToken);
      expect(await watcher.call('presence:watch', { userIds: [ann.user.id] })).toEqual({
        ok: true,
        data: { online: [] },
      });
      const annOnline = () => watcher.userPresence().filter((p) => p.online.includes(ann.user.id));
      const annOffline = () =>
        watcher.userPresence().filter((p) => p.offline.includes(ann.user.id));

      const tab1 = await connect(ann.accessToken);
      expect(await watcher.presenceOf(ann.user.id, 'online')).toEqual({
        online: [ann.user.id],
        offline: [],
      });
      const tab2 = await connect(ann.accessToken);
      await settle();
      expect(annOnline()).toHaveLength(1);
      expect(bystander.all('presence:changed')).toEqual([]);
      // Watching again answers who is online now.
      expect(await watcher.call('presence:watch', { userIds: [ann.user.id] })).toEqual({
        ok: true,
        data: { online: [ann.user.id] },
      });

      tab1.close();
      await settle();
      expect(annOffline()).toEqual([]);
      const online = await app.http.get<PublicUser>(`/api/users/${ann.user.username}`);
      expect(online.body.online).toBe(true);

      tab2.close();
      await watcher.presenceOf(ann.user.id, 'offline');
      await settle();
      expect(annOffline()).toHaveLength(1);
      const offline = await app.http.get<PublicUser>(`/api/users/${ann.user.username}`);
      expect(offline.body.online).toBe(false);

      // A new watch replaces the old one: Ann is no longer shown, so her return is not sent.
      await watcher.call('presence:watch', { userIds: [] });
      const back = await connect(ann.accessToken);
      await settle();
      expect(annOnline()).toHaveLength(1);
      back.close();
    });

    it('a watcher told "online" by its watch still hears the departure that follows at once', async () => {
      const ann = await signUp(app.http);
      const early = await connect((await signUp(app.http)).accessToken);
      const late = await connect((await signUp(app.http)).accessToken);
      await early.call('presence:watch', { userIds: [ann.user.id] });
      const annSocket = await connect(ann.accessToken);
      // Within one frame interval: the late watcher hears "online" from its answer only.
      expect(await late.call('presence:watch', { userIds: [ann.user.id] })).toEqual({
        ok: true,
        data: { online: [ann.user.id] },
      });
      annSocket.close();
      await late.presenceOf(ann.user.id, 'offline');
      await settle();
      // The early one never saw her online: an "offline" to it is no news, and harmless.
      const last = early.userPresence().at(-1);
      expect(last === undefined || last.offline.includes(ann.user.id)).toBe(true);
    });

    it('coalesces a burst of arrivals and departures into at most one frame a second', async () => {
      const watcherUser = await signUp(app.http);
      const crowd = await Promise.all(Array.from({ length: 24 }, () => signUp(app.http)));
      const watcher = await connect(watcherUser.accessToken);
      const arrivals: number[] = [];
      watcher.socket.on('presence:changed', () => arrivals.push(Date.now()));
      await watcher.call('presence:watch', { userIds: crowd.map((u) => u.user.id) });

      const sockets = await Promise.all(crowd.map((u) => connect(u.accessToken)));
      for (const socket of sockets.slice(0, 12)) socket.close();
      await settle();
      await settle();

      // What the frames add up to is who is online now.
      const shown = new Set<string>();
      for (const frame of watcher.userPresence()) {
        frame.online.forEach((id) => shown.add(id));
        frame.offline.forEach((id) => shown.delete(id));
      }
      expect([...shown].sort()).toEqual(
        crowd
          .slice(12)
          .map((u) => u.user.id)
          .sort(),
      );
      // 36 changes, far fewer frames, and never two within the same second (some slack).
      expect(arrivals.length).toBeLessThanOrEqual(4);
      for (let i = 1; i < arrivals.length; i++) {
        expect(arrivals[i]! - arrivals[i - 1]!).toBeGreaterThan(800);
      }
    });

    it('presence:watch takes at most LIMITS.presenceWatchMax ids, each a uuid', async () => {
      const socket = await connect((await signUp(app.http)).accessToken);
      const ids = Array.from({ length: LIMITS.presenceWatchMax + 1 }, () => randomUUID());
      expect(await socket.call('presence:watch', { userIds: ids })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
      expect(await socket.call('presence:watch', { userIds: ['nope'] })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
      expect(
        await socket.call('presence:watch', { userIds: ids.slice(0, LIMITS.presenceWatchMax) }),
      ).toEqual({
        ok: true,
        data: { online: [] },
      });
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
