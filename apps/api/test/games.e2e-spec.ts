import {
  legalMoves,
  winnerOf,
  type ApiErrorBody,
  type GameState,
  type Message,
  type MessagePage,
} from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import {
  createRoom,
  joinConversation as join,
  joinRoom,
  openThread,
  sendMessage,
} from './factories/conversations.js';
import { signUp, type SignedUpUser } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import type { TestSocket } from './support/test-socket.js';
import { useTestApp } from './support/use-test-app.js';

/** The pace of AI-vs-AI games here: quicker than the default 700 ms, so the suite stays short. */
const PACE_MS = 150;

/**
 * A person's choice of cell: a winning cell when there is one (so a beatable AI would be beaten),
 * otherwise a random free one.
 */
function personChoice(game: GameState): number {
  const legal = legalMoves(game.board);
  const winning = legal.find((cell) => {
    const board = `${game.board.slice(0, cell)}${game.turn}${game.board.slice(cell + 1)}`;
    return winnerOf(board) !== null;
  });
  return winning ?? legal[Math.floor(Math.random() * legal.length)]!;
}

/** True when `after` has every mark `before` has, where it was. */
const keepsMarks = (before: string, after: string) =>
  [...before].every((square, i) => square === '-' || after[i] === square);

const marks = (board: string) => [...board].filter((square) => square !== '-').length;

/** Tic-tac-toe in a conversation: the game is a message, every move a change of it. */
describe('tic-tac-toe in a conversation', () => {
  const app = useTestApp({ GAME_AI_MOVE_MS: String(PACE_MS) });
  const { connect } = app;
  const lastSeq = async (conversationId: string) =>
    Number(
      (
        await queryDatabase<{ last_seq: string }>(
          app.database.url,
          'SELECT last_seq FROM conversations WHERE id = $1',
          [conversationId],
        )
      )[0]!.last_seq,
    );
  const move = (socket: TestSocket, messageId: string, cell: unknown) =>
    socket.call<Message>('game:move', { messageId, cell });
  const start = (socket: TestSocket, conversationId: string, x: string, o: string) =>
    socket.call<Message>('game:start', { conversationId, x, o });
  const started = async (socket: TestSocket, conversationId: string, x: string, o: string) => {
    const ack = await start(socket, conversationId, x, o);
    if (!ack.ok) throw new Error(`game:start failed: ${JSON.stringify(ack.error)}`);
    return ack.data;
  };
  const moved = async (socket: TestSocket, messageId: string, cell: number) => {
    const ack = await move(socket, messageId, cell);
    if (!ack.ok) throw new Error(`game:move ${cell} failed: ${JSON.stringify(ack.error)}`);
    return ack.data;
  };
  /** The `message:updated` of this game with exactly this rev. */
  const update = (socket: TestSocket, id: string, rev: number, timeoutMs = 5000) =>
    socket.next('message:updated', (m) => m.id === id && m.rev === rev, timeoutMs);

  /** Alice and Bob's private thread, both connected and joined. */
  async function thread() {
    const alice = await signUp(app.http);
    const bob = await signUp(app.http);
    const { id } = await openThread(app.http, alice.accessToken, bob.user.id);
    const [aliceSocket, bobSocket] = await Promise.all([
      connect(alice.accessToken),
      connect(bob.accessToken),
    ]);
    await Promise.all([join(aliceSocket, id), join(bobSocket, id)]);
    return { alice, bob, conversationId: id, aliceSocket, bobSocket };
  }

  /** A room of `owner` with two more members, all connected and joined. */
  async function roomOfThree() {
    const [owner, member, third] = [
      await signUp(app.http),
      await signUp(app.http),
      await signUp(app.http),
    ];
    const room = await createRoom(
      app.http,
      owner.accessToken,
      `Games ${randomBytes(4).toString('hex')}`,
    );
    await joinRoom(app.http, member.accessToken, room.slug!);
    await joinRoom(app.http, third.accessToken, room.slug!);
    const sockets = await Promise.all([owner, member, third].map((u) => connect(u.accessToken)));
    await Promise.all(sockets.map((socket) => join(socket, room.id)));
    const [ownerSocket, memberSocket, thirdSocket] = sockets as [
      TestSocket,
      TestSocket,
      TestSocket,
    ];
    return { owner, member, third, room, ownerSocket, memberSocket, thirdSocket };
  }

  it('a person plays the AI through the socket in a thread, every move a change, and cannot win', async () => {
    const { alice, conversationId, aliceSocket, bobSocket } = await thread();
    const game = await started(aliceSocket, conversationId, 'me', 'ai');
    expect(game).toMatchObject({
      kind: 'game',
      conversationId,
      rev: game.seq,
      sender: { id: alice.user.id },
      game: {
        board: '---------',
        turn: 'X',
        status: 'playing',
        line: null,
        seats: {
          X: { kind: 'user', userId: alice.user.id, name: alice.user.displayName },
          O: { kind: 'ai' },
        },
      },
    });
    expect(await bobSocket.next('message:new', (m) => m.id === game.id)).toEqual(game);

    let current = game;
    const revs = [game.rev];
    while (current.game!.status === 'playing') {
      const cell = personChoice(current.game!);
      const mine = await moved(aliceSocket, game.id, cell);
      expect(mine.rev).toBe(current.rev + 1);
      expect(mine.game!.board[cell]).toBe('X');
      expect(marks(mine.game!.board)).toBe(marks(current.game!.board) + 1);
      revs.push(mine.rev);
      current = mine;
      if (mine.game!.status !== 'playing') break;
      expect(mine.game!.turn).toBe('O');
      // The AI answers as the next change, to everyone watching: the mover included.
      const answer = await update(aliceSocket, game.id, mine.rev + 1);
      expect(marks(answer.game!.board)).toBe(marks(mine.game!.board) + 1);
      expect(keepsMarks(mine.game!.board, answer.game!.board)).toBe(true);
      expect(answer.game!.turn).toBe('X');
      revs.push(answer.rev);
      current = answer;
    }
    expect(['o_won', 'draw']).toContain(current.game!.status);
    if (current.game!.status === 'o_won') {
      expect(current.game!.line).toHaveLength(3);
      expect(current.game!.line!.every((c) => current.game!.board[c] === 'O')).toBe(true);
    }
    // One number per move, gapless, and nothing else took one.
    expect(revs).toEqual(revs.map((_, i) => game.rev + i));
    expect(await lastSeq(conversationId)).toBe(current.rev);
    // The other participant saw every move.
    const last = await update(bobSocket, game.id, current.rev);
    expect(last).toEqual(current);
    // Nothing more is played once it is over.
    await new Promise((resolve) => setTimeout(resolve, PACE_MS * 3));
    expect(await lastSeq(conversationId)).toBe(current.rev);
    expect(await move(aliceSocket, game.id, current.game!.board.indexOf('-'))).toMatchObject({
      ok: false,
      error: { code: current.game!.status === 'draw' ? 'VALIDATION' : 'CONFLICT' },
    });
  });

  it('a game through REST: 201 for the start, the AI as X opens at once, moves answer the message', async () => {
    const { alice, conversationId } = await thread();
    const token = alice.accessToken;
    const res = await app.http.post<Message>(
      `/api/conversations/${conversationId}/games`,
      { x: 'ai', o: 'me' },
      { token },
    );
    expect(res.status).toBe(201);
    const game = res.body;
    expect(game.game).toMatchObject({
      board: '---------',
      turn: 'X',
      seats: { X: { kind: 'ai' } },
    });

    /** The game as the changes feed has it, once `ready` holds (the AI's move is its own change). */
    const fetchUntil = async (ready: (m: Message) => boolean) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const page = await app.http.get<MessagePage>(
          `/api/conversations/${conversationId}/changes?after=0`,
          { token },
        );
        const found = page.body.items.find((m) => m.id === game.id);
        if (found && ready(found)) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the AI did not move');
    };
    let current = await fetchUntil((m) => marks(m.game!.board) === 1);
    expect(current.rev).toBe(game.rev + 1);
    while (current.game!.status === 'playing') {
      const answer = await app.http.post<Message>(
        `/api/messages/${game.id}/moves`,
        { cell: personChoice(current.game!) },
        { token },
      );
      expect(answer.status).toBe(200);
      expect(answer.body.rev).toBe(current.rev + 1);
      current = answer.body;
      if (current.game!.status !== 'playing') break;
      const count = marks(current.game!.board);
      current = await fetchUntil((m) => marks(m.game!.board) === count + 1);
    }
    expect(['x_won', 'draw']).toContain(current.game!.status);
  });

  it('an open seat is taken by the first other member who moves; then only the players move', async () => {
    const { owner, member, room, ownerSocket, memberSocket, thirdSocket } = await roomOfThree();
    const game = await started(ownerSocket, room.id, 'me', 'open');
    expect(game.game!.seats.O).toEqual({ kind: 'open' });
    expect(game.body).toContain('anyone');
    await moved(ownerSocket, game.id, 0);
    // The starter holds X: O's open seat is not theirs to take.
    expect(await move(ownerSocket, game.id, 4)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const taken = await moved(memberSocket, game.id, 4);
    expect(taken.game!.seats.O).toEqual({
      kind: 'user',
      userId: member.user.id,
      name: member.user.displayName,
    });
    expect((await ownerSocket.next('message:updated', (m) => m.rev === taken.rev)).game).toEqual(
      taken.game,
    );
    // Both seats are held now: the third member is not a player.
    expect(await move(thirdSocket, game.id, 8)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await move(memberSocket, game.id, 8)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await moved(ownerSocket, game.id, 8)).game!.board).toBe('X---O---X');
    expect(owner.user.id).toBe(game.sender.id);
  });

  it('refuses with the contract codes, and a refused move takes no number', async () => {
    const { owner, room, ownerSocket, memberSocket } = await roomOfThree();
    // Hot seat: the starter plays both sides, so a quick win ends the game.
    const game = await started(ownerSocket, room.id, 'me', 'me');
    await moved(ownerSocket, game.id, 0);
    const before = await lastSeq(room.id);
    expect(await move(ownerSocket, game.id, 0)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/taken/) },
    });
    expect(await move(memberSocket, game.id, 1)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    for (const cell of [9, -1, 1.5, '4', null])
      expect(await move(ownerSocket, game.id, cell)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    expect(
      await ownerSocket.call('game:start', { conversationId: room.id, x: 'me', o: 'bot' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await move(ownerSocket, 'abc', 1)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await lastSeq(room.id)).toBe(before);

    for (const cell of [3, 1, 4]) await moved(ownerSocket, game.id, cell);
    const won = await moved(ownerSocket, game.id, 2);
    expect(won.game).toMatchObject({ board: 'XXXOO----', status: 'x_won', line: [0, 1, 2] });
    expect(await move(ownerSocket, game.id, 5)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/over/) },
    });

    // Not your turn: X against the AI, before the AI has had its turn is impossible to observe,
    // so a game with an open O seat shows it: X has moved, O's seat waits.
    const waiting = await started(ownerSocket, room.id, 'me', 'open');
    await moved(ownerSocket, waiting.id, 4);
    expect(await move(ownerSocket, waiting.id, 0)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/turn/) },
    });

    // Unknown, not a game, deleted: NOT_FOUND.
    expect(await move(ownerSocket, '999999999', 1)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const text = await sendMessage(ownerSocket, room.id, 'not a game');
    expect(await move(ownerSocket, text.id, 1)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await ownerSocket.call('message:delete', { messageId: waiting.id })).ok).toBe(true);
    expect(await move(ownerSocket, waiting.id, 0)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // REST answers the same codes with their statuses; a game message cannot be edited.
    const token = owner.accessToken;
    const rest = (id: string, body: unknown) =>
      app.http.post<ApiErrorBody>(`/api/messages/${id}/moves`, body, { token });
    expect((await rest(game.id, { cell: 5 })).status).toBe(409);
    expect((await rest(game.id, { cell: 12 })).body.code).toBe('VALIDATION');
    expect((await rest(game.id, {})).status).toBe(400);
    expect((await rest(waiting.id, { cell: 0 })).status).toBe(404);
    const outsider = await signUp(app.http);
    expect(
      (
        await app.http.post(
          `/api/messages/${game.id}/moves`,
          { cell: 5 },
          {
            token: outsider.accessToken,
          },
        )
      ).status,
    ).toBe(403);
    const startBad = await app.http.post<ApiErrorBody>(
      `/api/conversations/${room.id}/games`,
      { x: 'me' },
      { token },
    );
    expect(startBad.status).toBe(400);
    expect(
      (await app.http.patch(`/api/messages/${game.id}`, { body: 'x' }, { token })).status,
    ).toBe(403);
    const visitor = await app.http.post(`/api/conversations/${room.id}/games`, {
      x: 'me',
      o: 'ai',
    });
    expect(visitor.status).toBe(401);
  });

  it('a client that was away catches up on the moves made meanwhile (join with afterSeq)', async () => {
    const { bob, conversationId, aliceSocket, bobSocket } = await thread();
    const game = await started(aliceSocket, conversationId, 'me', 'ai');
    const first = await moved(aliceSocket, game.id, 4);
    const answer = await update(bobSocket, game.id, first.rev + 1);
    const held = answer.rev;
    bobSocket.close();

    // While Bob is away, two more moves and two AI answers.
    let current = answer;
    for (let i = 0; i < 2 && current.game!.status === 'playing'; i++) {
      const mine = await moved(aliceSocket, game.id, personChoice(current.game!));
      current =
        mine.game!.status === 'playing' ? await update(aliceSocket, game.id, mine.rev + 1) : mine;
    }
    expect(current.rev).toBeGreaterThan(held);

    const back = await connect(bob.accessToken);
    const caughtUp = await join(back, conversationId, held);
    // One entry per message, in its current state: the game as it is now.
    expect(caughtUp.missed).toEqual([current]);
    expect(caughtUp.hasMore).toBe(false);
  });

  it('AI against AI: the server plays it out at its pace, one change per move, to a draw', async () => {
    const { room, ownerSocket, memberSocket } = await roomOfThree();
    const startedAt = Date.now();
    const game = await started(ownerSocket, room.id, 'ai', 'ai');
    const arrivals: number[] = [];
    let current = game;
    while (current.game!.status === 'playing') {
      const next = await update(memberSocket, game.id, current.rev + 1, PACE_MS * 10);
      arrivals.push(Date.now());
      expect(marks(next.game!.board)).toBe(marks(current.game!.board) + 1);
      current = next;
    }
    // Two perfect players always draw, in nine moves.
    expect(current.game).toMatchObject({ status: 'draw', line: null });
    expect(arrivals).toHaveLength(9);
    expect(current.rev).toBe(game.rev + 9);
    expect(await lastSeq(room.id)).toBe(current.rev);
    // About one move per pace: never much quicker (the first comes one pace after the start).
    const gaps = arrivals.map((at, i) => at - (i === 0 ? startedAt : arrivals[i - 1]!));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(PACE_MS * 0.7);
    expect(arrivals.at(-1)! - startedAt).toBeLessThan(PACE_MS * 9 * 4);
    // The starter saw the moves too (server moves have no acting socket to skip).
    expect(await update(ownerSocket, game.id, current.rev)).toEqual(current);
  });

  it('a deleted AI-vs-AI game stops: no move after the tombstone', async () => {
    const { room, ownerSocket, memberSocket } = await roomOfThree();
    const game = await started(ownerSocket, room.id, 'ai', 'ai');
    await update(memberSocket, game.id, game.rev + 2, PACE_MS * 10);
    const deleted = await ownerSocket.call<Message>('message:delete', { messageId: game.id });
    expect(deleted.ok).toBe(true);
    if (!deleted.ok) return;
    expect(deleted.data).toMatchObject({ body: '', game: null, deletedAt: expect.any(String) });
    const after = await lastSeq(room.id);
    await new Promise((resolve) => setTimeout(resolve, PACE_MS * 5));
    expect(await lastSeq(room.id)).toBe(after);
    const tail = memberSocket
      .all('message:updated')
      .filter((m) => m.id === game.id)
      .at(-1);
    expect(tail).toMatchObject({ rev: deleted.data.rev, deletedAt: expect.any(String) });
    const [row] = await queryDatabase<{ game_next_move_at: Date | null }>(
      app.database.url,
      'SELECT game_next_move_at FROM messages WHERE id = $1',
      [game.id],
    );
    expect(row!.game_next_move_at).toBeNull();
  });
});

describe('tic-tac-toe limits', () => {
  const app = useTestApp({
    RATE_LIMIT_GAME_STARTS_PER_MIN: '2',
    RATE_LIMIT_GAME_MOVES_PER_MIN: '3',
  });

  it('starts and moves past their per-minute limits are RATE_LIMITED', async () => {
    const user: SignedUpUser = await signUp(app.http);
    const room = await createRoom(
      app.http,
      user.accessToken,
      `Limits ${randomBytes(4).toString('hex')}`,
    );
    const socket = await app.connect(user.accessToken);
    const starts = [];
    for (let i = 0; i < 3; i++)
      starts.push(
        await socket.call<Message>('game:start', { conversationId: room.id, x: 'me', o: 'me' }),
      );
    expect(starts.map((ack) => ack.ok)).toEqual([true, true, false]);
    expect(starts[2]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const gameId = (starts[0] as { data: Message }).data.id;
    const moves = [];
    for (const cell of [0, 1, 2, 3])
      moves.push(await socket.call<Message>('game:move', { messageId: gameId, cell }));
    expect(moves.map((ack) => ack.ok)).toEqual([true, true, true, false]);
    expect(moves[3]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
