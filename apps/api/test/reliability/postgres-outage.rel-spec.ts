import type { Message } from '@chat/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { io } from 'socket.io-client';
import {
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../src/database/embedded-postgres.js';
import { generalConversation } from '../factories/conversations.js';
import { signUp, type SignedUpUser } from '../factories/users.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { queryDatabase } from '../support/test-database.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';
import { waitFor } from './support/fuzz.js';

/** How a fresh connection's handshake ends: the connect_error, or 'connected'. */
function handshake(baseUrl: string, token: string): Promise<unknown> {
  const socket = io(baseUrl, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise<unknown>((resolve) => {
    const timer = setTimeout(() => resolve('no answer within 15 s'), 15_000);
    const done = (outcome: unknown) => {
      clearTimeout(timer);
      socket.disconnect();
      resolve(outcome);
    };
    socket.once('connect_error', (error) => done(error));
    socket.once('connect', () => done('connected'));
  });
}

/**
 * The test's own embedded PostgreSQL (never the machine's shared server) is stopped under a
 * running API process for a few seconds, then started again on the same port.
 */
describe('PostgreSQL outage under a running API', () => {
  let dataDir: string;
  let postgres: EmbeddedDatabase | null = null;
  let port: number;
  let api: ApiProcess;
  let ann: SignedUpUser;
  let bob: SignedUpUser;
  let generalId: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chat-outage-'));
    postgres = await startEmbeddedPostgres(dataDir);
    port = Number(new URL(postgres.url).port);
    api = await startApiProcess({ DATABASE_URL: postgres.url });
    ann = await signUp(api.http);
    bob = await signUp(api.http);
    generalId = (await generalConversation(api.http)).id;
  }, 120_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await api?.kill('SIGTERM');
    await postgres?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const connect = async (token: string) => {
    const socket = await connectSocket(api.baseUrl, token);
    sockets.push(socket);
    expect(await socket.call('conversation:join', { conversationId: generalId })).toMatchObject({
      ok: true,
    });
    return socket;
  };
  const send = (socket: TestSocket, body: string, clientMsgId: string = randomUUID()) =>
    socket.call<Message>('message:send', { conversationId: generalId, clientMsgId, body }, 15_000);
  const alive = () => api.child.exitCode === null && api.child.signalCode === null;

  it('answers with clear errors while it is down, stays up, and recovers by itself', async () => {
    const annSocket = await connect(ann.accessToken);
    const bobSocket = await connect(bob.accessToken);
    const before = await send(annSocket, 'before the outage');
    expect(before).toMatchObject({ ok: true, data: { seq: 1 } });
    await bobSocket.next('message:new', (m) => m.body === 'before the outage');

    await postgres!.stop();
    postgres = null;
    // Let the pool notice its connections were cut (the idle ones emit 'error').
    await sleep(500);
    expect(alive()).toBe(true);

    // Sends: a clear error, never a false ack, never a hang.
    const failedIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const clientMsgId = randomUUID();
      const ack = await send(annSocket, `during the outage ${i}`, clientMsgId);
      expect(ack).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      if (!ack.ok) expect(ack.error.message).toMatch(/database/i);
      failedIds.push(clientMsgId);
    }
    // Other events that need the database say the same.
    const join = await bobSocket.call(
      'conversation:join',
      { conversationId: generalId, afterSeq: 0 },
      15_000,
    );
    expect(join).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!join.ok) expect(join.error.message).toMatch(/database/i);
    // REST: a 5xx in the error shape.
    const history = await api.http.get(`/api/conversations/${generalId}/messages`, {
      token: ann.accessToken,
    });
    expect(history.status).toBeGreaterThanOrEqual(500);
    expect(history.body).toMatchObject({ statusCode: history.status, code: 'INTERNAL' });
    expect(history.body.message).toMatch(/database/i);
    const rooms = await api.http.get('/api/rooms');
    expect(rooms.status).toBeGreaterThanOrEqual(500);
    expect(rooms.body).toMatchObject({ statusCode: rooms.status, code: 'INTERNAL' });
    // Health says which part is down.
    const health = await api.http.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.details.database.status).toBe('down');
    // A new socket cannot be authenticated now: told so at once (INTERNAL: try again).
    expect(await handshake(api.baseUrl, bob.accessToken)).toMatchObject({
      data: { code: 'INTERNAL' },
    });

    // Bob saw none of the failed sends.
    await bobSocket.roundTrip();
    expect(bobSocket.all('message:new').map((m) => m.body)).toEqual(['before the outage']);
    await sleep(2000); // a few seconds down in all
    expect(alive()).toBe(true);

    // PostgreSQL comes back on the same port: the same process works again.
    postgres = await startEmbeddedPostgres(dataDir, { port });
    await waitFor(
      async () => (await api.http.get('/api/health')).status === 200,
      30_000,
      'health 200 again',
    );
    // Health answering means the pool has working connections again: the very next send works.
    const after = await send(annSocket, 'after the outage');
    expect(after).toMatchObject({ ok: true, data: { body: 'after the outage' } });
    // The failed sends took no seq: the sequence has no gap.
    if (after.ok) expect(after.data.seq).toBe(2);
    await bobSocket.next('message:new', (m) => m.body === 'after the outage', 10_000);

    // The client's outbox retries a failed send with the same clientMsgId: stored once now.
    const retried = await send(annSocket, 'during the outage 0', failedIds[0]);
    expect(retried).toMatchObject({ ok: true, data: { seq: 3, clientMsgId: failedIds[0] } });
    const again = await send(annSocket, 'during the outage 0', failedIds[0]);
    expect(again).toMatchObject({ ok: true, data: { id: (retried as { data: Message }).data.id } });

    const rows = await queryDatabase<{ seq: string; body: string }>(
      postgres.url,
      'SELECT seq, body FROM messages WHERE conversation_id = $1 ORDER BY seq',
      [generalId],
    );
    expect(rows.map((r) => r.body)).toEqual([
      'before the outage',
      'after the outage',
      'during the outage 0',
    ]);
    expect((await api.http.get('/api/rooms')).status).toBe(200);
    expect(await connect(bob.accessToken)).toBeDefined();
    expect(alive()).toBe(true);
  }, 120_000);
});
