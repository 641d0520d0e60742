import type { ConnectErrorData } from '@chat/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { generalConversation } from './factories/conversations.js';
import { signUp, type SignedUpUser } from './factories/users.js';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import { createTestDatabase, queryDatabase, type TestDatabase } from './support/test-database.js';
import { connectSocket, type TestSocket } from './support/test-socket.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Every INTERNAL answer (REST, socket ack, handshake) carries an error id, and the process logs
 * that failure exactly once under the same id. The faults are real: tables renamed under the
 * running process, so its queries fail as a bug would make them fail.
 */
describe('INTERNAL answers: logged once, with the error id the client gets', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let ann: SignedUpUser;
  let socket: TestSocket;
  let generalId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApiProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'info' });
    ann = await signUp(api.http);
    generalId = (await generalConversation(api.http)).id;
    socket = await connectSocket(api.baseUrl, ann.accessToken);
  }, 60_000);
  afterAll(async () => {
    socket?.close();
    await api?.kill('SIGTERM');
    await database?.drop();
  });

  const rename = (from: string, to: string) =>
    queryDatabase(database.url, `ALTER TABLE ${from} RENAME TO ${to}`);

  /** The log lines (pino JSON) that name `errorId`, once the process has had time to write. */
  async function logLinesWith(errorId: string): Promise<Array<Record<string, unknown>>> {
    await sleep(300);
    return api
      .output()
      .split('\n')
      .filter((line) => line.includes(errorId))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  it('a socket ack: {code: INTERNAL, errorId}, one error line with that id', async () => {
    await rename('messages', 'messages_gone');
    try {
      const ack = await socket.call('message:send', {
        conversationId: generalId,
        clientMsgId: randomUUID(),
        body: 'into the void',
      });
      expect(ack).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: expect.any(String), errorId: expect.any(String) },
      });
      if (ack.ok) return;
      expect(ack.error.errorId).toMatch(UUID);
      expect(ack.error.message).toContain(ack.error.errorId);
      const lines = await logLinesWith(ack.error.errorId!);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 50, errorId: ack.error.errorId });
    } finally {
      await rename('messages_gone', 'messages');
    }
  });

  it('REST: 500 {code: INTERNAL, errorId}, one error line with that id', async () => {
    await rename('users', 'users_gone');
    try {
      const res = await api.http.get('/api/users');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        statusCode: 500,
        code: 'INTERNAL',
        message: expect.any(String),
        errorId: expect.stringMatching(UUID),
      });
      expect(res.body.message).toContain(res.body.errorId);
      const lines = await logLinesWith(res.body.errorId);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 50, errorId: res.body.errorId });
    } finally {
      await rename('users_gone', 'users');
    }
  });

  it('a handshake failing inside the server: connect_error {INTERNAL, errorId}, logged once', async () => {
    await rename('users', 'users_gone');
    try {
      const data = await connectSocket(api.baseUrl, ann.accessToken).then(
        (connected) => {
          connected.close();
          return null;
        },
        (error: Error & { data?: ConnectErrorData }) => ({
          data: error.data,
          message: error.message,
        }),
      );
      expect(data).toEqual({
        data: { code: 'INTERNAL', errorId: expect.stringMatching(UUID) },
        message: expect.any(String),
      });
      expect(data!.message).toContain(data!.data!.errorId);
      const lines = await logLinesWith(data!.data!.errorId!);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 50, errorId: data!.data!.errorId });
    } finally {
      await rename('users_gone', 'users');
    }
  });

  it('answers the client’s own mistakes without an error id or an error line', async () => {
    const before = api
      .output()
      .split('\n')
      .filter((line) => line.includes('"level":50')).length;
    const missing = await api.http.get('/api/users/nobody-here-at-all');
    expect(missing.status).toBe(404);
    expect(missing.body.errorId).toBeUndefined();
    const bad = await socket.call('message:send', { conversationId: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) expect(bad.error.errorId).toBeUndefined();
    await sleep(300);
    const after = api
      .output()
      .split('\n')
      .filter((line) => line.includes('"level":50')).length;
    expect(after).toBe(before);
  });
});
