import type { Conversation, ConversationPresenceChanged, Message } from '@chat/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRoom, joinRoom } from '../factories/conversations.js';
import { signUp, type SignedUpUser } from '../factories/users.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

const FAST_READERS = 3;
const BURST = 1500;
const BODY = `${'slow consumers must not hold the others back. '.repeat(86)}!`.slice(0, 4000);
/** Socket.IO's defaults (the API does not change them): a silent client is dropped after both. */
const PING_INTERVAL_MS = 25_000;
const PING_TIMEOUT_MS = 20_000;

const textIds = (socket: TestSocket) =>
  socket
    .all('message:new')
    .filter((m) => m.kind === 'text')
    .map((m) => m.id);

/** Resident memory of a process, in bytes (Linux). */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) * 1024;
}

/**
 * Stops reading from the TCP connection under a socket.io-client socket, and switches off the
 * client's own heartbeat check, so only the server can end the connection (as with a client
 * whose network or event loop has stalled).
 */
function stopReading(client: TestSocket): { resume(): void } {
  const engine = client.socket.io.engine as unknown as {
    transport: { name: string; ws?: { _socket?: { pause(): void; resume(): void } } };
    _pingTimeoutTimer?: NodeJS.Timeout;
    _pingTimeoutTime?: number;
    clearTimeoutFn(timer: unknown): void;
  };
  const tcp = engine.transport.ws?._socket;
  if (engine.transport.name !== 'websocket' || !tcp)
    throw new Error('expected a raw WebSocket under the client');
  if (!('_pingTimeoutTime' in engine))
    throw new Error('socket.io-client internals changed: update stopReading()');
  tcp.pause();
  engine.clearTimeoutFn(engine._pingTimeoutTimer);
  engine._pingTimeoutTime = Infinity;
  return { resume: () => tcp.resume() };
}

describe('a slow consumer (a client that stops reading) does not hold the others back', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let room: Conversation;
  let sender: SignedUpUser;
  let slowpoke: SignedUpUser;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApiProcess({
      DATABASE_URL: database.url,
      RATE_LIMIT_USER_SENDS_PER_10S: '100000',
    });
    sender = await signUp(api.http);
    slowpoke = await signUp(api.http);
    room = await createRoom(api.http, sender.accessToken, 'Slow Lane');
    await joinRoom(api.http, slowpoke.accessToken, room.slug!);
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await api?.kill('SIGTERM');
    await database?.drop();
  }, 60_000);

  const connectAndJoin = async (token: string) => {
    const socket = await connectSocket(api.baseUrl, token);
    sockets.push(socket);
    expect(await socket.call('conversation:join', { conversationId: room.id })).toMatchObject({
      ok: true,
    });
    return socket;
  };

  it('others get every message while it is stalled; the server then drops it', async () => {
    const readers: TestSocket[] = [];
    for (let i = 0; i < FAST_READERS; i++) {
      const reader = await signUp(api.http);
      await joinRoom(api.http, reader.accessToken, room.slug!);
      readers.push(await connectAndJoin(reader.accessToken));
    }
    const slow = await connectAndJoin(slowpoke.accessToken);
    const senderSocket = await connectAndJoin(sender.accessToken);
    const stalled = stopReading(slow);
    const rssBefore = await rssOf(api.child.pid!);

    // A burst of 4000-character messages: megabytes the stalled client never reads.
    const sent: Message[] = [];
    for (let i = 0; i < BURST; i++) {
      const ack = await senderSocket.call<Message>(
        'message:send',
        { conversationId: room.id, clientMsgId: randomUUID(), body: `${i} ${BODY}`.slice(0, 4000) },
        20_000,
      );
      if (!ack.ok) throw new Error(`send ${i} failed: ${JSON.stringify(ack.error)}`);
      sent.push(ack.data);
    }
    const lastId = sent.at(-1)!.id;
    for (const reader of readers) await reader.next('message:new', (m) => m.id === lastId, 60_000);
    for (const reader of readers) {
      // All of them, once each, in order (the "… joined" system lines aside).
      expect(textIds(reader)).toEqual(sent.map((m) => m.id));
    }
    const rssAfterBurst = await rssOf(api.child.pid!);

    // The stalled client is still connected as far as the server knows: until its heartbeat
    // runs out, live messages keep flowing to the others.
    const trickle: Message[] = [];
    let leave: ConversationPresenceChanged | undefined;
    readers[0]!
      .presenceIn(room.id, 'left', slowpoke.user.id, PING_INTERVAL_MS + PING_TIMEOUT_MS + 45_000)
      .then((p) => (leave = p))
      .catch(() => undefined);
    const deadline = Date.now() + PING_INTERVAL_MS + PING_TIMEOUT_MS + 45_000;
    while (!leave && Date.now() < deadline) {
      const ack = await senderSocket.call<Message>('message:send', {
        conversationId: room.id,
        clientMsgId: randomUUID(),
        body: `trickle ${trickle.length}`,
      });
      if (!ack.ok) throw new Error(`trickle send failed: ${JSON.stringify(ack.error)}`);
      trickle.push(ack.data);
      await sleep(500);
    }
    // The server ended the connection of the client that stopped answering pings.
    expect(leave).toMatchObject({ conversationId: room.id, left: [slowpoke.user.id] });
    const lastTrickle = trickle.at(-1)!.id;
    for (const reader of readers) {
      await reader.next('message:new', (m) => m.id === lastTrickle, 30_000);
      expect(textIds(reader)).toEqual([...sent, ...trickle].map((m) => m.id));
    }

    // Once it reads again it finds its connection closed (and would rejoin with afterSeq).
    stalled.resume();
    await slow.disconnected(60_000);

    // Loose bound: what the server held for the stalled client is about what was sent to it
    // (~6 MB here), not a copy per message per recipient.
    const burstBytes = BURST * 4100;
    expect(rssAfterBurst - rssBefore).toBeLessThan(burstBytes * 10 + 64 * 1024 * 1024);
    expect(api.child.exitCode).toBeNull();
    expect((await api.http.get('/api/health')).status).toBe(200);
  }, 240_000);

  it('a backlog past what the kernel buffers is cut short: the stalled client is dropped', async () => {
    const stuck = await signUp(api.http);
    await joinRoom(api.http, stuck.accessToken, room.slug!);
    const watcher = await connectAndJoin(sender.accessToken);
    const stalled = stopReading(await connectAndJoin(stuck.accessToken));
    const dropped = watcher.presenceIn(room.id, 'left', stuck.user.id, 120_000);

    // ~16 MB for the stalled socket: more than loopback's socket buffers hold, so the rest
    // waits in the server's queue for that socket until the guard cuts it.
    let sent = 0;
    let leaving = false;
    void dropped.then(
      () => (leaving = true),
      () => undefined,
    );
    const sendSome = async () => {
      while (sent < 4000 && !leaving) {
        sent++;
        const ack = await watcher.call(
          'message:send',
          {
            conversationId: room.id,
            clientMsgId: randomUUID(),
            body: `${sent} ${BODY}`.slice(0, 4000),
          },
          20_000,
        );
        if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack.error)}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, sendSome));

    expect(await dropped).toMatchObject({ conversationId: room.id, left: [stuck.user.id] });
    expect(api.output()).toContain('Disconnecting a socket that stopped reading');
    stalled.resume();
    expect((await api.http.get('/api/health')).status).toBe(200);
  }, 180_000);
});
