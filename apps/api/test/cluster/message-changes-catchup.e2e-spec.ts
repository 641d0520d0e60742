import type { Message } from '@chat/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createRoom, joinConversation, joinRoom, sendMessage } from '../factories/conversations.js';
import { signUp, type SignedUpUser } from '../factories/users.js';
import { startCluster, type TestCluster } from '../support/cluster.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

/** Edits, deletes and reactions reach every process live, and catch up exactly on any. */
describe('message changes across two API processes', () => {
  let cluster: TestCluster;
  let ann: SignedUpUser;
  let bob: SignedUpUser;
  const sockets: TestSocket[] = [];
  const connect = async (process: number, user: SignedUpUser) => {
    const socket = await connectSocket(cluster.processes[process]!.baseUrl, user.accessToken);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    cluster = await startCluster(2);
    const http = cluster.processes[0]!.http;
    [ann, bob] = [await signUp(http), await signUp(http)];
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await cluster?.stop();
  });

  it('a reader on the other process sees each change live, then catches up on the rest by rev', async () => {
    const [p1, p2] = cluster.processes;
    const room = await createRoom(p1!.http, ann.accessToken, `Across ${randomUUID().slice(0, 6)}`);
    await joinRoom(p2!.http, bob.accessToken, room.slug!);
    const annSocket = await connect(0, ann);
    const bobSocket = await connect(1, bob);
    await joinConversation(annSocket, room.id);
    const joined = await joinConversation(bobSocket, room.id);

    const kept = await sendMessage(annSocket, room.id, 'first draft');
    const doomed = await sendMessage(annSocket, room.id, 'a mistake');
    const liked = await sendMessage(annSocket, room.id, 'like me');
    const edit = await annSocket.call<Message>('message:edit', {
      messageId: kept.id,
      body: 'second draft',
    });
    expect(edit.ok).toBe(true);
    const live = await bobSocket.next('message:updated', (m) => m.id === kept.id);
    expect(live.body).toBe('second draft');
    const lastSeq = Math.max(joined.conversation.lastSeq, live.rev);

    // Bob goes away; while he is gone the message is edited again, one deleted, one liked.
    bobSocket.close();
    await annSocket.call('message:edit', { messageId: kept.id, body: 'final draft' });
    await annSocket.call('message:delete', { messageId: doomed.id });
    await annSocket.call('reaction:add', { messageId: liked.id, emoji: '❤️' });
    const after = await sendMessage(annSocket, room.id, 'while you were out');

    // He comes back on the other process with the largest seq or rev he held.
    const back = await connect(0, bob);
    const caughtUp = await joinConversation(back, room.id, lastSeq);
    const byId = new Map(caughtUp.missed.map((m) => [m.id, m]));
    expect(caughtUp.hasMore).toBe(false);
    expect(byId.get(kept.id)?.body).toBe('final draft');
    expect(byId.get(doomed.id)).toMatchObject({ body: '', deletedAt: expect.any(String) });
    expect(byId.get(liked.id)?.reactions).toEqual([
      { emoji: '❤️', count: 1, userIds: [ann.user.id] },
    ]);
    expect(byId.get(after.id)?.body).toBe('while you were out');
    expect(caughtUp.missed.map((m) => m.rev)).toEqual(
      [...caughtUp.missed.map((m) => m.rev)].sort((a, b) => a - b),
    );
    // REST on the first process answers the same.
    const rest = await p1!.http.get<{ items: Message[] }>(
      `/api/conversations/${room.id}/changes?after=${lastSeq}`,
      { token: bob.accessToken },
    );
    expect(rest.body.items).toEqual(caughtUp.missed);
  });
});
