import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { generalConversation } from '../factories/conversations.js';
import { signUp } from '../factories/users.js';
import { startCluster, type TestCluster } from '../support/cluster.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

describe('limits hold across processes when Redis is set', () => {
  let cluster: TestCluster;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    cluster = await startCluster(2, {
      RATE_LIMIT_USER_SENDS_PER_10S: '20',
      RATE_LIMIT_ROOM_CREATES_PER_HOUR: '3',
      LIMIT_SOCKETS_PER_USER: '4',
    });
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await cluster?.stop();
  });

  it('one user sending through both processes gets 20 sends per 10 s in all', async () => {
    const [p1, p2] = cluster.processes;
    const user = await signUp(p1!.http);
    const general = await generalConversation(p1!.http);
    const a = await connectSocket(p1!.baseUrl, user.accessToken);
    const b = await connectSocket(p2!.baseUrl, user.accessToken);
    sockets.push(a, b);
    const acks = [];
    for (let i = 0; i < 24; i++) {
      acks.push(
        await (i % 2 ? b : a).call('message:send', {
          conversationId: general.id,
          clientMsgId: randomUUID(),
          body: `across ${i}`,
        }),
      );
    }
    expect(acks.filter((ack) => ack.ok)).toHaveLength(20);
    expect(acks.slice(20).every((ack) => !ack.ok && ack.error.code === 'RATE_LIMITED')).toBe(true);
  });

  it('room creation counts on every process together', async () => {
    const [p1, p2] = cluster.processes;
    const user = await signUp(p1!.http);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const http = i % 2 ? p2!.http : p1!.http;
      const res = await http.post(
        '/api/rooms',
        { name: `Across ${randomUUID().slice(0, 8)}` },
        {
          token: user.accessToken,
        },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it("a user's sockets are counted on every process together", async () => {
    const [p1, p2] = cluster.processes;
    const user = await signUp(p1!.http);
    for (let i = 0; i < 4; i++) {
      sockets.push(await connectSocket((i % 2 ? p2 : p1)!.baseUrl, user.accessToken));
    }
    await expect(connectSocket(p2!.baseUrl, user.accessToken)).rejects.toMatchObject({
      data: { code: 'RATE_LIMITED' },
    });
  });
});
