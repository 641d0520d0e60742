import type { Conversation } from '@chat/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRoom, joinRoom } from '../factories/conversations.js';
import { signUp, type SignedUpUser } from '../factories/users.js';
import { startCluster, type TestCluster } from '../support/cluster.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

/** Longer than one frame interval: whatever was coming has come. */
const settle = () => sleep(1300);

describe('watched presence across three API processes', () => {
  let cluster: TestCluster;
  const sockets: TestSocket[] = [];
  let ann: SignedUpUser, bob: SignedUpUser, cleo: SignedUpUser, watcherUser: SignedUpUser;
  beforeAll(async () => {
    cluster = await startCluster(3, { PRESENCE_TTL_MS: '3000' });
    const http = cluster.processes[0]!.http;
    [ann, bob, cleo, watcherUser] = [
      await signUp(http),
      await signUp(http),
      await signUp(http),
      await signUp(http),
    ];
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await cluster?.stop();
  });
  const on = async (index: number, user: SignedUpUser) => {
    const socket = await connectSocket(cluster.processes[index]!.baseUrl, user.accessToken);
    sockets.push(socket);
    return socket;
  };

  it('watch, connect, disconnect and crash: every change reaches the watcher on another process', async () => {
    const watcher = await on(0, watcherUser);
    const bystander = await on(1, await signUp(cluster.processes[1]!.http));
    const annOnP2 = await on(1, ann);
    expect(
      await watcher.call('presence:watch', { userIds: [ann.user.id, bob.user.id, cleo.user.id] }),
    ).toEqual({ ok: true, data: { online: [ann.user.id] } });

    // Connect: Bob on process 2, Cleo on process 3 (the one that will crash).
    const bobOnP2 = await on(1, bob);
    await on(2, cleo);
    await watcher.presenceOf(bob.user.id, 'online');
    await watcher.presenceOf(cleo.user.id, 'online');
    // A second tab elsewhere changes nothing.
    await on(2, ann);

    // Disconnect: Bob's only socket closes.
    bobOnP2.close();
    await watcher.presenceOf(bob.user.id, 'offline');

    // Crash: process 3 dies with Cleo's only socket and Ann's second tab.
    await cluster.processes[2]!.kill('SIGKILL');
    await watcher.presenceOf(cleo.user.id, 'offline', 15_000);
    await settle();
    expect(watcher.userPresence().filter((p) => p.offline.includes(ann.user.id))).toEqual([]);
    // Each change once, in its own frame or shared with others; nothing for the bystander.
    const mentions = (id: string) =>
      watcher.userPresence().filter((p) => p.online.includes(id) || p.offline.includes(id));
    expect(mentions(bob.user.id)).toHaveLength(2);
    expect(mentions(cleo.user.id)).toHaveLength(2);
    // Ann never changed for the watcher: at most the "online" its watch answer already said
    // (a change read from the feed after the answer is sent again rather than risk losing one).
    expect(mentions(ann.user.id).every((p) => p.online.includes(ann.user.id))).toBe(true);
    expect(mentions(ann.user.id).length).toBeLessThanOrEqual(1);
    expect(bystander.all('presence:changed')).toEqual([]);
    expect(annOnP2.socket.connected).toBe(true);

    // What every surviving process says agrees with the frames.
    for (const process of cluster.processes.slice(0, 2)) {
      const again = await connectSocket(process.baseUrl, watcherUser.accessToken);
      sockets.push(again);
      expect(
        await again.call('presence:watch', { userIds: [ann.user.id, bob.user.id, cleo.user.id] }),
      ).toEqual({ ok: true, data: { online: [ann.user.id] } });
    }
  }, 60_000);

  it('conversation presence across processes: one coalesced frame per change, counts agree', async () => {
    const [p1, p2] = cluster.processes;
    const room: Conversation = await createRoom(
      p1!.http,
      watcherUser.accessToken,
      `Watch ${randomUUID().slice(0, 6)}`,
    );
    for (const user of [ann, bob]) await joinRoom(p1!.http, user.accessToken, room.slug!);
    const watcher = await on(0, watcherUser);
    await watcher.call('conversation:join', { conversationId: room.id });
    const annSocket = await on(1, ann);
    const bobSocket = await on(1, bob);
    await annSocket.call('conversation:join', { conversationId: room.id });
    await bobSocket.call('conversation:join', { conversationId: room.id });
    await watcher.presenceIn(room.id, 'joined', ann.user.id);
    await watcher.presenceIn(room.id, 'joined', bob.user.id);
    const rooms = await p2!.http.get('/api/rooms');
    expect(rooms.body.items.find((c: Conversation) => c.id === room.id).onlineCount).toBe(3);

    await bobSocket.call('conversation:leave', { conversationId: room.id });
    await watcher.presenceIn(room.id, 'left', bob.user.id);
    const joined = await annSocket.call('conversation:join', { conversationId: room.id });
    expect(joined.ok && joined.data.presence.map((u: { id: string }) => u.id).sort()).toEqual(
      [watcherUser.user.id, ann.user.id].sort(),
    );
    expect(joined.ok && joined.data.presenceCount).toBe(2);
    await settle();
    const frames = watcher.conversationPresence(room.id);
    // Frames are "who is here now" diffs: the watcher may be named too (its own arrival).
    const others = (ids: string[]) => ids.filter((id) => id !== watcherUser.user.id);
    expect(others(frames.flatMap((f) => f.joined.map((u) => u.id))).sort()).toEqual(
      [ann.user.id, bob.user.id].sort(),
    );
    expect(frames.flatMap((f) => f.left)).toEqual([bob.user.id]);
    // Each frame counts who is there after it, on every process alike.
    expect(frames.at(-1)!.count).toBe(2);
  }, 30_000);
});
