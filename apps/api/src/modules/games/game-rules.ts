import {
  bestMove,
  EMPTY_BOARD,
  otherMark,
  outcomeOf,
  playMove,
  type GameSeat,
  type GameState,
  type SeatChoice,
} from '@chat/contracts';
import { randomInt } from 'node:crypto';
import { AppError } from '../../common/errors/app-error.js';

/** Who is acting: a user (or guest) and the name their seat will show. */
export interface Player {
  id: string;
  name: string;
}

export const AI_NAME = 'AI';

/** A fresh game: X to move, the seats as chosen (`me` is the starter). */
export function newGame(x: SeatChoice, o: SeatChoice, starter: Player): GameState {
  return {
    board: EMPTY_BOARD,
    turn: 'X',
    seats: { X: seatFor(x, starter), O: seatFor(o, starter) },
    status: 'playing',
    line: null,
  };
}

function seatFor(choice: SeatChoice, starter: Player): GameSeat {
  if (choice === 'me') return { kind: 'user', userId: starter.id, name: starter.name };
  if (choice === 'ai') return { kind: 'ai', name: AI_NAME };
  return { kind: 'open' };
}

/** The text of a game message (previews, search, clients that do not draw boards). */
export function describeGame(game: GameState): string {
  const name = (seat: GameSeat) => (seat.kind === 'open' ? 'anyone' : (seat.name ?? AI_NAME));
  return `Tic-tac-toe: ${name(game.seats.X)} (X) vs ${name(game.seats.O)} (O)`;
}

/**
 * A person's move. Refusals, in this order: FORBIDDEN for someone who neither holds a seat nor
 * could take an open one; CONFLICT when the game is over, when it is not their turn, or when
 * the cell is taken. An open seat is taken by its first mover, unless they hold the other seat.
 */
export function personMove(game: GameState, player: Player, cell: number): GameState {
  const seat = game.seats[game.turn];
  const other = game.seats[otherMark(game.turn)];
  const holds = (s: GameSeat) => s.kind === 'user' && s.userId === player.id;
  const isPlayer = holds(seat) || holds(other);
  const mayTakeOpen = !isPlayer && (seat.kind === 'open' || other.kind === 'open');
  if (!isPlayer && !mayTakeOpen) throw new AppError('FORBIDDEN', 'You are not playing this game');
  if (game.status !== 'playing') throw new AppError('CONFLICT', 'The game is over');
  const takesOpenSeat = seat.kind === 'open' && !holds(other);
  if (!holds(seat) && !takesOpenSeat) throw new AppError('CONFLICT', 'It is not your turn');
  const placed = playMove(game.board, game.turn, cell);
  if (!placed.ok)
    throw placed.reason === 'cell_taken'
      ? new AppError('CONFLICT', 'That cell is taken')
      : new AppError('VALIDATION', 'That is not a cell of the board', [
          { path: 'cell', message: 'must be a cell from 0 to 8' },
        ]);
  const taken: GameSeat = { kind: 'user', userId: player.id, name: player.name };
  const seats: GameState['seats'] = !takesOpenSeat
    ? game.seats
    : game.turn === 'X'
      ? { X: taken, O: game.seats.O }
      : { X: game.seats.X, O: taken };
  return afterMove(game, placed.board, seats);
}

/**
 * The AI's move when it is the AI's turn in a game still playing (otherwise null). Among equally
 * good moves it picks at random, so AI-vs-AI games differ.
 */
export function aiMove(game: GameState): GameState | null {
  if (game.status !== 'playing' || game.seats[game.turn].kind !== 'ai') return null;
  const cell = bestMove(game.board, (moves) => moves[randomInt(moves.length)]!);
  if (cell === null) return null;
  const placed = playMove(game.board, game.turn, cell);
  return placed.ok ? afterMove(game, placed.board, game.seats) : null;
}

/**
 * In how many ms the AI is due to move next, or null when it is not (a person's turn, the end):
 * at once in answer to a person (as its own change, right after theirs), at `paceMs` when both
 * seats are AI, so people can watch the game.
 */
export function serverMoveDelay(game: GameState, paceMs: number): number | null {
  if (game.status !== 'playing' || game.seats[game.turn].kind !== 'ai') return null;
  return game.seats[otherMark(game.turn)].kind === 'ai' ? paceMs : 0;
}

function afterMove(game: GameState, board: string, seats: GameState['seats']): GameState {
  const { status, line } = outcomeOf(board);
  return { board, turn: otherMark(game.turn), seats, status, line };
}
