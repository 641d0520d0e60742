import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Conversation, Message } from '@chat/contracts';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRoom } from '../factories/conversations.js';
import { signUp } from '../factories/users.js';
import { startCluster, type TestCluster } from '../support/cluster.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

const LEADER_LOG = 'This process now runs the bot';

describe('SIGKILL of one of three API processes', () => {
  let cluster: TestCluster;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    cluster = await startCluster(3, {
      BOT_ENABLED: 'true',
      BOT_INTERVAL_MS: '300',
      PRESENCE_TTL_MS: '3000',
    });
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await cluster?.stop();
  });
  const connect = async (baseUrl: string, token: string) => {
    const socket = await connectSocket(baseUrl, token);
    sockets.push(socket);
    return socket;
  };

  it('loses nothing: clients catch up elsewhere, users go offline, the bot moves', async () => {
    await waitFor(() => cluster.processes.some((p) => p.output().includes(LEADER_LOG)));
    const victim = cluster.processes.find((p) => p.output().includes(LEADER_LOG))!;
    const survivor = cluster.processes.find((p) => p !== victim)!;

    const [ann, bob, cleo] = [
      await signUp(survivor.http),
      await signUp(survivor.http),
      await signUp(survivor.http),
    ];
    const room: Conversation = await createRoom(
      survivor.http,
      bob.accessToken,
      `Survivors ${randomUUID().slice(0, 6)}`,
    );
    await survivor.http.post(`/api/rooms/${room.slug}/join`, {}, { token: ann.accessToken });

    const annOnVictim = await connect(victim.baseUrl, ann.accessToken);
    await connect(victim.baseUrl, cleo.accessToken); // Cleo never comes back
    const bobOnSurvivor = await connect(survivor.baseUrl, bob.accessToken);
    // Bob shows Ann and Cleo (both on the victim): he watches them.
    expect(
      await bobOnSurvivor.call('presence:watch', { userIds: [ann.user.id, cleo.user.id] }),
    ).toEqual({ ok: true, data: { online: [ann.user.id, cleo.user.id] } });
    const joined = await annOnVictim.call('conversation:join', {
      conversationId: room.id,
      afterSeq: 0,
    });
    expect(joined.ok).toBe(true);
    await bobOnSurvivor.call('conversation:join', { conversationId: room.id });
    const before = await bobOnSurvivor.call('message:send', {
      conversationId: room.id,
      clientMsgId: randomUUID(),
      body: 'before',
    });
    const seen = await annOnVictim.next('message:new', (m) => m.body === 'before');
    expect(before.ok).toBe(true);

    await victim.kill('SIGKILL');

    const sentWhileAway: Message[] = [];
    for (const body of ['one', 'two', 'three']) {
      const ack = await bobOnSurvivor.call('message:send', {
        conversationId: room.id,
        clientMsgId: randomUUID(),
        body,
      });
      expect(ack.ok).toBe(true);
      if (ack.ok) sentWhileAway.push(ack.data);
    }

    // Ann's client reconnects to another process and rejoins from the last seq it holds.
    const annAgain = await connect(survivor.baseUrl, ann.accessToken);
    const rejoined = await annAgain.call('conversation:join', {
      conversationId: room.id,
      afterSeq: seen.seq,
    });
    expect(rejoined.ok && rejoined.data.missed.map((m: Message) => [m.seq, m.body])).toEqual(
      sentWhileAway.map((m) => [m.seq, m.body]),
    );

    // Cleo's only socket died with the process: a survivor reports her offline after the TTL.
    await bobOnSurvivor.presenceOf(cleo.user.id, 'offline', 15_000);
    // Ann came back elsewhere before her old socket expired: never shown offline.
    expect(bobOnSurvivor.userPresence().filter((p) => p.offline.includes(ann.user.id))).toEqual([]);
    const directory = await survivor.http.get(`/api/users?q=${cleo.user.username}`);
    expect(directory.body.items[0].online).toBe(false);

    // The bot's lock died with its connection; another process takes over.
    await waitFor(
      () => cluster.processes.some((p) => p !== victim && p.output().includes(LEADER_LOG)),
      15_000,
    );
    const rooms = await survivor.http.get('/api/rooms');
    const general = rooms.body.items.find((c: Conversation) => c.kind === 'general');
    await annAgain.call('conversation:join', { conversationId: general.id });
    expect((await annAgain.next('message:new', (m) => m.viaBot, 10_000)).viaBot).toBe(true);
  }, 60_000);
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}
