import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Conversation, PublicUser } from '@chat/contracts';
import { randomUUID } from 'node:crypto';
import { createRoom } from '../factories/conversations.js';
import { signUp, type SignedUpUser } from '../factories/users.js';
import { startCluster, type TestCluster } from '../support/cluster.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

describe('three API processes on one PostgreSQL and one Redis', () => {
  let cluster: TestCluster;
  const sockets: TestSocket[] = [];
  let users: SignedUpUser[];

  beforeAll(async () => {
    cluster = await startCluster(3, { BOT_ENABLED: 'true', BOT_INTERVAL_MS: '300' });
    const [p1] = cluster.processes;
    users = [await signUp(p1!.http), await signUp(p1!.http), await signUp(p1!.http)];
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await cluster?.stop();
  });

  /** User i connected to process i. */
  const connectEach = async () => {
    const connected = await Promise.all(
      users.map((user, i) => connectSocket(cluster.processes[i]!.baseUrl, user.accessToken)),
    );
    sockets.push(...connected);
    return connected;
  };

  it('carries a private message and thread:new across processes', async () => {
    const [ann, bob] = users;
    const annSocket = await connectSocket(cluster.processes[0]!.baseUrl, ann!.accessToken);
    const bobSocket = await connectSocket(cluster.processes[1]!.baseUrl, bob!.accessToken);
    sockets.push(annSocket, bobSocket);

    const opened = await cluster.processes[0]!.http.post(
      '/api/threads',
      { userId: bob!.user.id },
      { token: ann!.accessToken },
    );
    expect(opened.status).toBe(201);
    await bobSocket.next('thread:new', (p) => p.thread.id === opened.body.id);

    const ack = await annSocket.call('message:send', {
      conversationId: opened.body.id,
      clientMsgId: randomUUID(),
      body: 'across processes',
    });
    expect(ack.ok).toBe(true);
    const received = await bobSocket.next(
      'message:new',
      (m) => m.conversationId === opened.body.id,
    );
    expect(received.body).toBe('across processes');

    const reply = await bobSocket.call('message:send', {
      conversationId: opened.body.id,
      clientMsgId: randomUUID(),
      body: 'and back',
    });
    expect(reply.ok).toBe(true);
    expect((await annSocket.next('message:new', (m) => m.body === 'and back')).seq).toBe(2);
  });

  it('agrees on room presence and the directory from every process', async () => {
    const [p1, p2, p3] = cluster.processes;
    const room: Conversation = await createRoom(
      p1!.http,
      users[0]!.accessToken,
      `Cluster ${randomUUID().slice(0, 6)}`,
    );
    for (const [i, user] of users.entries()) {
      if (i > 0)
        await cluster.processes[i]!.http.post(
          `/api/rooms/${room.slug}/join`,
          {},
          { token: user.accessToken },
        );
    }
    const [s1, s2, s3] = await connectEach();
    await s1!.call('conversation:join', { conversationId: room.id });
    await s2!.call('conversation:join', { conversationId: room.id });
    // s1 on process 1 hears that the user on process 2 arrived.
    await s1!.presenceIn(room.id, 'joined', users[1]!.user.id);
    const joined = await s3!.call('conversation:join', { conversationId: room.id });
    expect(joined.ok && joined.data.presence.map((u: PublicUser) => u.id).sort()).toEqual(
      users.map((u) => u.user.id).sort(),
    );
    expect(joined.ok && joined.data.presenceCount).toBe(3);

    for (const process of [p1!, p2!, p3!]) {
      const rooms = await process.http.get('/api/rooms');
      expect(rooms.body.items.find((c: Conversation) => c.id === room.id).onlineCount).toBe(3);
      const directory = await process.http.get('/api/users?limit=100');
      const online = directory.body.items
        .filter((u: PublicUser) => u.online)
        .map((u: PublicUser) => u.id);
      expect(online).toEqual(expect.arrayContaining(users.map((u) => u.user.id)));
    }
  });

  it('unsubscribes a member who leaves from sockets on every process', async () => {
    const [p1, p2, p3] = cluster.processes;
    const [owner, leaver] = users;
    const room: Conversation = await createRoom(
      p1!.http,
      owner!.accessToken,
      `Leave ${randomUUID().slice(0, 6)}`,
    );
    await p1!.http.post(`/api/rooms/${room.slug}/join`, {}, { token: leaver!.accessToken });
    const ownerSocket = await connectSocket(p1!.baseUrl, owner!.accessToken);
    const leaverSocket = await connectSocket(p2!.baseUrl, leaver!.accessToken);
    sockets.push(ownerSocket, leaverSocket);
    await ownerSocket.call('conversation:join', { conversationId: room.id });
    await leaverSocket.call('conversation:join', { conversationId: room.id });

    // Left through process 3; the leaver's socket lives on process 2.
    expect(
      (await p3!.http.delete(`/api/rooms/${room.slug}/members/me`, { token: leaver!.accessToken }))
        .status,
    ).toBe(204);
    await ownerSocket.presenceIn(room.id, 'left', leaver!.user.id);
    const rooms = await p1!.http.get('/api/rooms');
    expect(rooms.body.items.find((c: Conversation) => c.id === room.id).onlineCount).toBe(1);

    const after = await ownerSocket.call('message:send', {
      conversationId: room.id,
      clientMsgId: randomUUID(),
      body: 'after the leave',
    });
    expect(after.ok).toBe(true);
    await leaverSocket.roundTrip();
    // Only their own "left" line, posted while they were still a member, reached them.
    expect(
      leaverSocket
        .all('message:new')
        .filter((m) => m.conversationId === room.id && m.kind !== 'system'),
    ).toEqual([]);
  });

  it('runs one bot between the three processes', async () => {
    const leaders = cluster.processes.filter((p) =>
      p.output().includes('This process now runs the bot'),
    );
    expect(leaders).toHaveLength(1);
    const watcher = sockets[0] ?? (await connectEach())[0]!;
    const rooms = await cluster.processes[2]!.http.get('/api/rooms');
    const general = rooms.body.items.find((c: Conversation) => c.kind === 'general');
    await watcher.call('conversation:join', { conversationId: general.id });
    expect((await watcher.next('message:new', (m) => m.viaBot, 10_000)).viaBot).toBe(true);
  });
});
