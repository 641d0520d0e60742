import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createRoom, joinConversation, joinRoom, sendMessage } from '../factories/conversations.js';
import { signUp, type SignedUpUser } from '../factories/users.js';
import { startCluster, type TestCluster } from '../support/cluster.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

/** A kick or a ban made on one process takes the user's sockets out of the room on the other. */
describe('kicks and bans across two API processes', () => {
  let cluster: TestCluster;
  let owner: SignedUpUser;
  let target: SignedUpUser;
  const sockets: TestSocket[] = [];
  const connect = async (process: number, user: SignedUpUser) => {
    const socket = await connectSocket(cluster.processes[process]!.baseUrl, user.accessToken);
    sockets.push(socket);
    return socket;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

  beforeAll(async () => {
    cluster = await startCluster(2);
    const http = cluster.processes[0]!.http;
    [owner, target] = [await signUp(http), await signUp(http)];
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await cluster?.stop();
  });

  it.each(['members', 'bans'] as const)(
    'removal by /%s on process 1: the socket on process 2 receives nothing more from the room',
    async (kind) => {
      const [p1, p2] = cluster.processes;
      const room = await createRoom(p1!.http, owner.accessToken, `Mod ${randomUUID().slice(0, 6)}`);
      await joinRoom(p2!.http, target.accessToken, room.slug!);
      const ownerSocket = await connect(0, owner);
      const targetSocket = await connect(1, target);
      await joinConversation(ownerSocket, room.id);
      await joinConversation(targetSocket, room.id);
      // Before: the target on the other process does receive the room.
      const before = await sendMessage(ownerSocket, room.id, 'can you hear me?');
      await targetSocket.next('message:new', (m) => m.id === before.id);

      const path = `/api/rooms/${room.slug}/${kind}/${target.user.id}`;
      const removed =
        kind === 'members'
          ? await p1!.http.delete(path, { token: owner.accessToken })
          : await p1!.http.put(path, undefined, { token: owner.accessToken });
      expect(removed.status).toBe(204);
      // The browser on the other process is told why, and can leave the view at once.
      expect(
        await targetSocket.next('conversation:removed', (p) => p.conversationId === room.id),
      ).toEqual({ conversationId: room.id, reason: kind === 'members' ? 'kicked' : 'banned' });
      await settle();
      const after = await sendMessage(ownerSocket, room.id, 'gone?');
      await settle();
      expect(targetSocket.all('message:new').some((m) => m.id === after.id)).toBe(false);
    },
  );
});
