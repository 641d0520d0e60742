import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Conversation, Message } from '@chat/contracts';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRoom } from '../factories/conversations.js';
import { signUp } from '../factories/users.js';
import { startCluster, type TestCluster } from '../support/cluster.js';
import { queryDatabase } from '../support/test-database.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

describe('Redis restarted mid-conversation', () => {
  let cluster: TestCluster;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    cluster = await startCluster(2);
  }, 60_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await cluster?.stop();
  });
  const connect = async (baseUrl: string, token: string) => {
    const socket = await connectSocket(baseUrl, token);
    sockets.push(socket);
    return socket;
  };

  it('acknowledges and stores every send while Redis is down, then fans out again', async () => {
    const [p1, p2] = cluster.processes as [
      (typeof cluster.processes)[0],
      (typeof cluster.processes)[0],
    ];
    const [ann, bob, carl] = [await signUp(p1.http), await signUp(p1.http), await signUp(p1.http)];
    const room: Conversation = await createRoom(
      p1.http,
      ann.accessToken,
      `Outage ${randomUUID().slice(0, 6)}`,
    );
    for (const user of [bob, carl])
      await p1.http.post(`/api/rooms/${room.slug}/join`, {}, { token: user.accessToken });
    const annSocket = await connect(p1.baseUrl, ann.accessToken);
    const carlSameProcess = await connect(p1.baseUrl, carl.accessToken);
    const bobOtherProcess = await connect(p2.baseUrl, bob.accessToken);
    for (const socket of [annSocket, carlSameProcess, bobOtherProcess]) {
      expect((await socket.call('conversation:join', { conversationId: room.id })).ok).toBe(true);
    }
    const send = (body: string) =>
      annSocket.call('message:send', { conversationId: room.id, clientMsgId: randomUUID(), body });
    const first = await send('before the outage');
    const bobLast = await bobOtherProcess.next(
      'message:new',
      (m) => m.body === 'before the outage',
    );
    expect(first.ok).toBe(true);

    await cluster.redis.stop();
    const acked: Message[] = [];
    for (const body of ['during 1', 'during 2', 'during 3']) {
      const ack = await send(body);
      expect(ack).toMatchObject({ ok: true });
      if (ack.ok) acked.push(ack.data);
    }
    // Same-process delivery goes on without Redis.
    await carlSameProcess.next('message:new', (m) => m.body === 'during 3');
    const health = await p1.http.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.details.redis.status).toBe('down');

    await cluster.redis.restart();
    await waitFor(
      async () =>
        (await p1.http.get('/api/health')).status === 200 &&
        (await p2.http.get('/api/health')).status === 200,
    );

    // Fan-out across processes resumes without restarting anything.
    let resumed = false;
    for (let attempt = 0; attempt < 20 && !resumed; attempt++) {
      const body = `after ${attempt}`;
      await send(body);
      resumed = await bobOtherProcess
        .next('message:new', (m) => m.body === body, 1000)
        .then(
          () => true,
          () => false,
        );
    }
    expect(resumed).toBe(true);

    // Bob fills the gap from the last seq he held: nothing acknowledged is lost.
    const rejoin = await bobOtherProcess.call('conversation:join', {
      conversationId: room.id,
      afterSeq: bobLast.seq,
    });
    const missedBodies = rejoin.ok ? rejoin.data.missed.map((m: Message) => m.body) : [];
    expect(missedBodies.slice(0, 3)).toEqual(['during 1', 'during 2', 'during 3']);
    const stored = await queryDatabase<{ body: string }>(
      cluster.database.url,
      `SELECT body FROM messages WHERE conversation_id = $1 AND body LIKE 'during%' ORDER BY seq`,
      [room.id],
    );
    expect(stored.map((r) => r.body)).toEqual(acked.map((m) => m.body));
  }, 60_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(200);
  }
}
