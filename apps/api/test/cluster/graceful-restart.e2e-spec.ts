import type { Ack, Conversation, JoinResult, Message } from '@chat/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { insertUsers } from '../factories/users.js';
import { startCluster, type TestCluster } from '../support/cluster.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

const USERS = 60;
const DRAIN_MS = 2000;

/**
 * A client behind a load balancer: it connects to the next process that accepts it, and when
 * told `server:reconnect` it goes to another one, rejoining general with the last seq it holds.
 */
class BalancedClient {
  readonly messages = new Map<string, Message>();
  socket: Socket | null = null;
  url = '';
  toldAt: number | null = null;
  private lastSeq = 0;

  constructor(
    private readonly urls: () => string[],
    private readonly token: string,
    private readonly conversationId: string,
    private next: number,
  ) {}

  async connect(): Promise<void> {
    for (let attempt = 0; attempt < 30; attempt++) {
      const urls = this.urls();
      const url = urls[this.next++ % urls.length]!;
      const socket = io(url, {
        auth: { token: this.token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      const ok = await new Promise<boolean>((resolve) => {
        socket.once('session', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      if (!ok) {
        socket.disconnect();
        await sleep(100);
        continue;
      }
      this.socket = socket;
      this.url = url;
      socket.on('message:new', (message: Message) => this.add(message));
      socket.once('server:reconnect', () => {
        this.toldAt = Date.now();
        socket.disconnect();
        // As socket.io-client's reconnection would: 0.5–1.5 s later.
        setTimeout(() => void this.connect(), 500 + Math.random() * 1000);
      });
      const ack: Ack<JoinResult> = await socket.timeout(10_000).emitWithAck('conversation:join', {
        conversationId: this.conversationId,
        afterSeq: this.lastSeq,
      });
      if (ack.ok) ack.data.missed.forEach((m) => this.add(m));
      return;
    }
    throw new Error('no process accepted the client');
  }

  private add(message: Message): void {
    if (message.conversationId !== this.conversationId) return;
    this.messages.set(message.id, message);
    this.lastSeq = Math.max(this.lastSeq, message.seq);
  }
}

describe('SIGTERM of one of three API processes under load', () => {
  let cluster: TestCluster;
  const clients: BalancedClient[] = [];
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    cluster = await startCluster(3, {
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      PRESENCE_TTL_MS: '4000',
      RATE_LIMIT_USER_SENDS_PER_10S: '10000',
    });
  }, 90_000);
  afterAll(async () => {
    clients.forEach((c) => c.socket?.disconnect());
    sockets.forEach((s) => s.close());
    await cluster?.stop();
  });

  it('everyone reconnects elsewhere, spread out; nobody is shown offline; no message is lost', async () => {
    const [p1, , victim] = cluster.processes;
    const rooms = await p1!.http.get('/api/rooms');
    const general: Conversation = rooms.body.items.find((c: Conversation) => c.kind === 'general');
    const users = await insertUsers(cluster.database.url, USERS + 1);
    const [senderUser, ...people] = users;
    const alive = new Set(cluster.processes);
    const urls = () => [...alive].map((p) => p.baseUrl);
    for (const [i, user] of people.entries()) {
      clients.push(new BalancedClient(urls, user.token, general.id, i));
    }
    await Promise.all(clients.map((c) => c.connect()));
    expect(clients.filter((c) => c.url === victim!.baseUrl).length).toBe(USERS / 3);

    const watcher = await connectSocket(p1!.baseUrl, senderUser!.token);
    const sender = await connectSocket(p1!.baseUrl, senderUser!.token);
    sockets.push(watcher, sender);
    const watched = await watcher.call('presence:watch', { userIds: people.map((u) => u.id) });
    expect(watched.ok && watched.data.online.length).toBe(USERS);

    const sent: Message[] = [];
    let sending = true;
    const load = (async () => {
      while (sending) {
        const ack = await sender.call<Message>('message:send', {
          conversationId: general.id,
          clientMsgId: randomUUID(),
          body: `load ${sent.length}`,
        });
        if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack.error)}`);
        sent.push(ack.data);
        await sleep(40);
      }
    })();

    await sleep(500);
    const exited = new Promise<number | null>((resolve) => victim!.child.once('exit', resolve));
    victim!.child.kill('SIGTERM');
    alive.delete(victim!);
    expect(await exited).toBe(0);
    await sleep(500);
    sending = false;
    await load;

    // Every user ends up on a surviving process, and has every message (live or caught up).
    const lastId = sent.at(-1)!.id;
    const deadline = Date.now() + 15_000;
    while (clients.some((c) => !c.messages.has(lastId)) && Date.now() < deadline) await sleep(100);
    for (const client of clients) {
      expect(client.socket?.connected).toBe(true);
      expect(client.url).not.toBe(victim!.baseUrl);
      const got = [...client.messages.values()].filter((m) => m.kind === 'text');
      expect(
        got
          .filter((m) => m.body.startsWith('load '))
          .map((m) => m.id)
          .sort(),
      ).toEqual(sent.map((m) => m.id).sort());
    }
    // Told over the drain window, not all at once.
    const told = clients.flatMap((c) => (c.toldAt ? [c.toldAt] : []));
    expect(told).toHaveLength(USERS / 3);
    expect(Math.max(...told) - Math.min(...told)).toBeGreaterThan(DRAIN_MS / 4);
    expect(victim!.output()).toContain(`Draining: ${USERS / 3} sockets`);

    // Past the TTL the drained sockets are swept, and nobody came across as offline.
    await sleep(4000 + 2500);
    expect(watcher.userPresence().filter((p) => p.offline.length > 0)).toEqual([]);
    const again = await watcher.call('presence:watch', { userIds: people.map((u) => u.id) });
    expect(again.ok && again.data.online.length).toBe(USERS);
  }, 60_000);
});
