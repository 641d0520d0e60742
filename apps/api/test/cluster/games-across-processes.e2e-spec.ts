import type { Message } from '@chat/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createRoom, joinConversation, joinRoom } from '../factories/conversations.js';
import { signUp, type SignedUpUser } from '../factories/users.js';
import type { ApiProcess } from '../support/api-process.js';
import { startCluster, type TestCluster } from '../support/cluster.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

const PACE_MS = 300;

/** The revs of the AI moves `process` says it made in this game. */
function movesMadeBy(process: ApiProcess, gameId: string): number[] {
  const pattern = new RegExp(`AI moved in game ${gameId}, rev (\\d+)`, 'g');
  return [...process.output().matchAll(pattern)].map((match) => Number(match[1]));
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * An AI-vs-AI game on two processes: every move is made exactly once, and when the process
 * making the moves is killed mid-game the other finishes it.
 */
describe('tic-tac-toe AI games across two API processes', () => {
  let cluster: TestCluster;
  let ann: SignedUpUser;
  let bob: SignedUpUser;
  const sockets: TestSocket[] = [];
  const connect = async (process: ApiProcess, user: SignedUpUser) => {
    const socket = await connectSocket(process.baseUrl, user.accessToken);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    cluster = await startCluster(2, { GAME_AI_MOVE_MS: String(PACE_MS), LOG_LEVEL: 'debug' });
    const http = cluster.processes[0]!.http;
    [ann, bob] = [await signUp(http), await signUp(http)];
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await cluster?.stop();
  });

  it('the game finishes to a draw, each move made once, after the moving process is SIGKILLed', async () => {
    const [first, second] = cluster.processes as [ApiProcess, ApiProcess];
    const room = await createRoom(first.http, ann.accessToken, `Duel ${randomUUID().slice(0, 6)}`);
    await joinRoom(second.http, bob.accessToken, room.slug!);
    const annSocket = await connect(first, ann);
    await joinConversation(annSocket, room.id);
    const watchers = [await connect(first, bob), await connect(second, bob)];
    await Promise.all(watchers.map((socket) => joinConversation(socket, room.id)));
    const arrivals = watchers.map(() => [] as number[]);
    watchers.forEach((socket, i) =>
      socket.socket.on('message:updated', () => arrivals[i]!.push(Date.now())),
    );

    const ack = await annSocket.call<Message>('game:start', {
      conversationId: room.id,
      x: 'ai',
      o: 'ai',
    });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    const game = ack.data;

    // Wait for the third move, then kill whichever process made it.
    const thirdMove = game.rev + 3;
    const victim = await waitFor(
      () => cluster.processes.find((p) => movesMadeBy(p, game.id).includes(thirdMove)),
      PACE_MS * 20,
    );
    const survivor = victim === first ? second : first;
    const watcher = watchers[survivor === first ? 0 : 1]!;
    // Killed only once its last move reached the other process (a move whose broadcast dies
    // with its process is a client's to fetch as a gap, not this test's subject).
    await watcher.next('message:updated', (m) => m.id === game.id && m.rev === thirdMove);
    await victim.kill('SIGKILL');

    const last = await watcher.next(
      'message:updated',
      (m) => m.id === game.id && m.game?.status !== 'playing',
      PACE_MS * 40,
    );
    expect(last.game).toMatchObject({ status: 'draw', line: null });
    expect(last.game!.board).not.toContain('-');
    expect(last.rev).toBe(game.rev + 9);

    // Every move exactly once: nine revs, each made by one process, none by both. (The log
    // line of the last move may reach us a moment after its broadcast.)
    await waitFor(
      () => (movesMadeBy(survivor, game.id).includes(last.rev) ? true : undefined),
      5000,
    );
    const byVictim = movesMadeBy(victim, game.id);
    const bySurvivor = movesMadeBy(survivor, game.id);
    expect([...byVictim, ...bySurvivor].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 9 }, (_, i) => game.rev + 1 + i),
    );
    expect(bySurvivor.length).toBeGreaterThan(0);
    expect(Math.max(...byVictim)).toBeLessThan(Math.min(...bySurvivor));

    // The survivor's watcher saw each move once, in order, one more mark each time.
    const seen = watcher.all('message:updated').filter((m) => m.id === game.id);
    expect(seen.map((m) => m.rev)).toEqual(Array.from({ length: 9 }, (_, i) => game.rev + 1 + i));
    seen.forEach((m, i) => expect([...m.game!.board].filter((s) => s !== '-')).toHaveLength(i + 1));

    // At the game's pace throughout: a move made twice, or by two processes at once, would
    // come sooner than one interval after the one before.
    const times = arrivals[survivor === first ? 0 : 1]!;
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(PACE_MS * 0.6);

    // And the database agrees: the conversation's counter took exactly those nine numbers.
    const changes = await survivor.http.get<{ items: Message[] }>(
      `/api/conversations/${room.id}/changes?after=${game.rev}`,
      { token: bob.accessToken },
    );
    expect(changes.body.items).toEqual([last]);
    const room2 = await survivor.http.get<{ lastSeq: number }>(`/api/rooms/${room.slug}`, {
      token: bob.accessToken,
    });
    expect(room2.body.lastSeq).toBe(last.rev);
  });
});
