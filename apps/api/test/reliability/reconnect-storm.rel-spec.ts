import type { Ack, Conversation, JoinResult, Message } from '@chat/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { createRoom, joinRoom } from '../factories/conversations.js';
import { signUp, type SignedUpUser } from '../factories/users.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';
import { mapLimit, waitFor } from './support/fuzz.js';

const USERS = 10;
const SOCKETS_PER_USER = 50;
const BEFORE_STORM = 10;
// With BEFORE_STORM and the USERS "joined" lines, under the 200 that one join's `missed` returns.
const DURING_STORM = 150;
const SEND_INTERVAL_MS = 25;

/**
 * A client as the contract describes it: it keeps the last seq it holds, rejoins with it as
 * `afterSeq` on every (re)connect, and drops any message whose id it already has.
 */
class StormClient {
  readonly messages = new Map<string, Message>();
  duplicates = 0;
  /** Messages this client first got from `missed` on a rejoin (not live). */
  viaMissed = 0;
  connects = 0;
  disconnects = 0;
  joinErrors: string[] = [];
  private lastSeq = 0;

  constructor(
    readonly socket: Socket,
    private readonly conversationId: string,
  ) {
    socket.on('connect', () => {
      this.connects++;
      void this.join();
    });
    socket.on('disconnect', () => this.disconnects++);
    socket.on('message:new', (message: Message) => {
      if (message.conversationId === this.conversationId) this.add(message);
    });
  }

  private async join(): Promise<void> {
    try {
      const ack: Ack<JoinResult> = await this.socket
        .timeout(30_000)
        .emitWithAck('conversation:join', {
          conversationId: this.conversationId,
          afterSeq: this.lastSeq,
        });
      if (!ack.ok) return void this.joinErrors.push(ack.error.code);
      if (ack.data.hasMore) this.joinErrors.push('hasMore (more than one page missed)');
      const rejoin = this.connects > 1;
      for (const message of ack.data.missed) {
        if (rejoin && !this.messages.has(message.id)) this.viaMissed++;
        this.add(message);
      }
    } catch (error) {
      this.joinErrors.push((error as Error).message);
    }
  }

  private add(message: Message): void {
    if (this.messages.has(message.id)) {
      this.duplicates++;
      return;
    }
    this.messages.set(message.id, message);
    this.lastSeq = Math.max(this.lastSeq, message.seq);
  }

  /** Cuts the TCP connection under the socket, as a network blip would. */
  dropConnection(): void {
    const engine = (
      this.socket.io as unknown as {
        engine?: { transport?: { ws?: { _socket?: { destroy(): void } } } };
      }
    ).engine;
    const tcp = engine?.transport?.ws?._socket;
    if (!tcp) throw new Error('no raw WebSocket under this socket (is the transport websocket?)');
    tcp.destroy();
  }

  seqs(): number[] {
    return [...this.messages.values()].map((m) => m.seq).sort((a, b) => a - b);
  }
}

describe(`reconnect storm: ${USERS * SOCKETS_PER_USER} sockets drop at once and catch up`, () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let room: Conversation;
  let sender: SignedUpUser;
  let senderSocket: TestSocket;
  const clients: StormClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApiProcess({
      DATABASE_URL: database.url,
      RATE_LIMIT_USER_SENDS_PER_10S: '100000',
      LOG_LEVEL: 'info',
    });
    sender = await signUp(api.http);
    room = await createRoom(api.http, sender.accessToken, 'Storm Watchers');
    const users = await mapLimit(Array.from({ length: USERS }), 4, () => signUp(api.http));
    for (const user of users) await joinRoom(api.http, user.accessToken, room.slug!);
    senderSocket = await connectSocket(api.baseUrl, sender.accessToken);

    const tokens = users.flatMap((user) =>
      Array.from({ length: SOCKETS_PER_USER }, () => user.accessToken),
    );
    // Connect in small batches: the storm is the test, not the first connect.
    await mapLimit(tokens, 25, async (token) => {
      const socket = io(api.baseUrl, {
        auth: { token },
        transports: ['websocket'],
        forceNew: true,
        reconnection: true,
        reconnectionDelay: 300,
        reconnectionDelayMax: 3000,
        randomizationFactor: 0.5,
        timeout: 20_000,
      });
      const client = new StormClient(socket, room.id);
      clients.push(client);
      await waitFor(
        () => client.connects === 1 && client.joinErrors.length === 0 && socket.connected,
        30_000,
        'first connect',
      );
    });
  }, 180_000);

  afterAll(async () => {
    clients.forEach((client) => client.socket.disconnect());
    senderSocket?.close();
    await api?.kill('SIGTERM');
    await database?.drop();
  }, 60_000);

  const send = async (body: string): Promise<Message> => {
    const ack = await senderSocket.call<Message>(
      'message:send',
      { conversationId: room.id, clientMsgId: randomUUID(), body },
      20_000,
    );
    if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack.error)}`);
    return ack.data;
  };

  it('every client ends with every message, after dedupe by id, with no gap', async () => {
    const sent: Message[] = [];
    for (let i = 0; i < BEFORE_STORM; i++) sent.push(await send(`before ${i}`));
    // The room already holds the "… joined" system lines; they count like any message.
    const base = sent[0]!.seq - 1;
    await waitFor(
      () => clients.every((c) => c.messages.size === base + BEFORE_STORM),
      60_000,
      'everyone has the first messages',
    );

    // The sender keeps a steady stream going while all 500 connections are cut at once.
    const stream = (async () => {
      for (let i = 0; i < DURING_STORM; i++) {
        sent.push(await send(`during ${i}`));
        await sleep(SEND_INTERVAL_MS);
      }
    })();
    await sleep(SEND_INTERVAL_MS * 5);
    for (const client of clients) client.dropConnection();
    await stream;

    const total = base + BEFORE_STORM + DURING_STORM;
    expect(sent.map((m) => m.seq)).toEqual(
      Array.from({ length: total - base }, (_, i) => base + i + 1),
    );
    await waitFor(
      () => clients.every((c) => c.messages.size >= total && c.socket.connected),
      120_000,
      'every client caught up',
    ).catch(() => undefined); // the assertions below say who is missing what

    // Every socket really dropped and came back.
    expect(clients.filter((c) => c.disconnects < 1 || c.connects < 2)).toHaveLength(0);
    expect(clients.flatMap((c) => c.joinErrors)).toEqual([]);
    const expected = Array.from({ length: total }, (_, i) => i + 1);
    const incomplete = clients
      .map((c, i) => ({
        client: i,
        missing: expected.filter((seq) => !c.seqs().includes(seq)).slice(0, 10),
      }))
      .filter((c) => c.missing.length > 0);
    expect(incomplete.slice(0, 5)).toEqual([]);
    for (const client of clients) {
      expect(client.seqs()).toEqual(expected);
      // Same id, same seq, same body as the sender was told.
      for (const message of sent) expect(client.messages.get(message.id)?.body).toBe(message.body);
    }
    // The gap was filled by `missed` on rejoin (live delivery alone cannot have done it).
    expect(clients.reduce((sum, c) => sum + c.viaMissed, 0)).toBeGreaterThan(0);
    expect(api.child.exitCode).toBeNull();
    expect((await api.http.get('/api/health')).status).toBe(200);
  }, 240_000);
});
