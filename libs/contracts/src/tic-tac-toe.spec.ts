import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestMove,
  bestMoves,
  EMPTY_BOARD,
  isReachable,
  legalMoves,
  outcomeOf,
  playMove,
  turnOf,
  winnerOf,
  type Mark,
} from './tic-tac-toe.js';

/** A board written as three rows, for readable tests: `board('XO-', '-X-', '--O')`. */
const board = (...rows: string[]) => rows.join('');

/** Plays `cell` for whoever's turn it is, failing the test on an illegal move. */
function play(current: string, cell: number): string {
  const result = playMove(current, turnOf(current), cell);
  if (!result.ok) throw new Error(`illegal move ${cell} on ${current}: ${result.reason}`);
  return result.board;
}

describe('rules', () => {
  it('knows every winning line, and the draw', () => {
    expect(winnerOf(board('XXX', 'OO-', '---'))).toEqual({ mark: 'X', line: [0, 1, 2] });
    expect(outcomeOf(board('XO-', 'XO-', 'X--'))).toEqual({ status: 'x_won', line: [0, 3, 6] });
    expect(outcomeOf(board('XXO', '-O-', 'OX-'))).toEqual({ status: 'o_won', line: [2, 4, 6] });
    expect(outcomeOf(board('XOX', 'XOO', 'OXX'))).toEqual({ status: 'draw', line: null });
    expect(outcomeOf(EMPTY_BOARD)).toEqual({ status: 'playing', line: null });
  });

  it('refuses a taken cell, a cell off the board and any move after the end', () => {
    expect(playMove(board('X--', '---', '---'), 'O', 0)).toEqual({
      ok: false,
      reason: 'cell_taken',
    });
    expect(playMove(EMPTY_BOARD, 'X', 9)).toEqual({ ok: false, reason: 'bad_cell' });
    expect(playMove(EMPTY_BOARD, 'X', 1.5)).toEqual({ ok: false, reason: 'bad_cell' });
    expect(playMove(board('XXX', 'OO-', '---'), 'O', 5)).toEqual({
      ok: false,
      reason: 'game_over',
    });
    expect(legalMoves(board('XXX', 'OO-', '---'))).toEqual([]);
    expect(playMove(EMPTY_BOARD, 'X', 4)).toEqual({ ok: true, board: '----X----', turn: 'O' });
  });

  it('X starts, then the turns alternate', () => {
    expect(turnOf(EMPTY_BOARD)).toBe('X');
    expect(turnOf(play(EMPTY_BOARD, 4))).toBe('O');
    expect(turnOf(play(play(EMPTY_BOARD, 4), 0))).toBe('X');
  });
});

describe('the perfect player', () => {
  it('takes an immediate win rather than a slower one', () => {
    // X can win now on 2 (top row) or set up wins elsewhere; it must finish now.
    const position = board('XX-', 'OO-', '---');
    expect(bestMoves(position)).toEqual([2]);
    // O to move can win on 5 at once.
    expect(bestMove(board('XX-', 'OO-', 'X--'))).toBe(5);
  });

  it('blocks an immediate loss', () => {
    // O to move: X threatens the top row at 2.
    expect(bestMoves(board('XX-', '-O-', '---'))).toEqual([2]);
    // X to move: O threatens the middle column at 7.
    expect(bestMoves(board('XO-', '-O-', 'X--'))).toContain(3); // X wins on 3 at once
    expect(bestMoves(board('XO-', '-OX', '---'))).toEqual([7]);
  });

  it('when every move loses, it delays the loss as long as it can', () => {
    // O to move: X threatens the left column at 6. Blocking there still loses (X takes the
    // centre and forks), but two moves later than any other move, which lose at once.
    const lost = board('XO-', 'X--', '---');
    expect(perfectResult(lost)).toBe('loss');
    expect(bestMoves(lost)).toEqual([6]);
  });

  it('never loses, from every reachable position of a game it plays, against every reply', () => {
    let positions = 0;
    const explore = (current: string, ai: Mark) => {
      positions++;
      const { status } = outcomeOf(current);
      if (status !== 'playing') {
        expect(status).not.toBe(ai === 'X' ? 'o_won' : 'x_won');
        return;
      }
      // On its turn it may choose any of its best moves (the server picks one at random): each
      // must hold; on the opponent's turn every legal move is tried.
      const moves = turnOf(current) === ai ? bestMoves(current) : legalMoves(current);
      expect(moves.length).toBeGreaterThan(0);
      for (const cell of moves) explore(play(current, cell), ai);
    };
    explore(EMPTY_BOARD, 'X');
    explore(EMPTY_BOARD, 'O');
    // Every game line was walked (a sanity check that the walk did not stop early).
    expect(positions).toBeGreaterThan(1000);
  });

  it('never loses when it takes over any reachable position it has not already lost', () => {
    // Every reachable position with the AI to move whose value is not a loss stays a non-loss.
    const seen = new Set<string>();
    const walk = (current: string) => {
      if (seen.has(current)) return;
      seen.add(current);
      for (const cell of legalMoves(current)) walk(play(current, cell));
    };
    walk(EMPTY_BOARD);
    expect(seen.size).toBe(5478);
    for (const position of seen) {
      expect(isReachable(position)).toBe(true);
      if (outcomeOf(position).status !== 'playing') continue;
      const ai = turnOf(position);
      const move = bestMove(position)!;
      const after = play(position, move);
      // A position that was not lost for the mover is not lost after its best move.
      const lostBefore = perfectResult(position) === 'loss';
      if (!lostBefore) expect(perfectResult(after, otherOf(ai))).not.toBe('win');
    }
  });

  it('two perfect players always draw', () => {
    let current = EMPTY_BOARD;
    while (outcomeOf(current).status === 'playing') current = play(current, bestMove(current)!);
    expect(outcomeOf(current).status).toBe('draw');
  });
});

describe('random legal games (property)', () => {
  it('end in a legal final state: one winner at most, the right counts, a full board if drawn', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 9, maxLength: 9 }), (choices) => {
        let current = EMPTY_BOARD;
        let moves = 0;
        for (const choice of choices) {
          const legal = legalMoves(current);
          if (legal.length === 0) break;
          current = play(current, legal[choice % legal.length]!);
          moves++;
        }
        const { status, line } = outcomeOf(current);
        const xs = [...current].filter((s) => s === 'X').length;
        const os = [...current].filter((s) => s === 'O').length;
        expect(status).not.toBe('playing');
        expect(isReachable(current)).toBe(true);
        expect(xs + os).toBe(moves);
        if (status === 'draw') {
          expect(moves).toBe(9);
          expect(line).toBeNull();
        } else {
          const mark = status === 'x_won' ? 'X' : 'O';
          expect(line).toHaveLength(3);
          expect(line!.every((cell) => current[cell] === mark)).toBe(true);
          // The winner made the last move.
          expect(xs).toBe(mark === 'X' ? os + 1 : os);
        }
        // Nothing more can be played.
        expect(legalMoves(current)).toEqual([]);
        for (let cell = 0; cell < 9; cell++)
          expect(playMove(current, turnOf(current), cell).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

const otherOf = (mark: Mark): Mark => (mark === 'X' ? 'O' : 'X');

/**
 * A plain minimax (memoised, but with no scoring by speed), written independently of the module's:
 * what `mover` (default: whoever's turn it is) gets with perfect play from here.
 */
const results = new Map<string, 'win' | 'draw' | 'loss'>();
function perfectResult(position: string, mover: Mark = turnOf(position)): 'win' | 'draw' | 'loss' {
  const key = `${position}${mover}`;
  const known = results.get(key);
  if (known) return known;
  const result = computeResult(position, mover);
  results.set(key, result);
  return result;
}

function computeResult(position: string, mover: Mark): 'win' | 'draw' | 'loss' {
  const winner = winnerOf(position);
  if (winner) return winner.mark === mover ? 'win' : 'loss';
  const moves = legalMoves(position);
  if (moves.length === 0) return 'draw';
  const turn = turnOf(position);
  const outcomes = moves.map((cell) => perfectResult(play(position, cell), turn));
  const forTurn = outcomes.includes('win') ? 'win' : outcomes.includes('draw') ? 'draw' : 'loss';
  if (turn === mover) return forTurn;
  return forTurn === 'win' ? 'loss' : forTurn === 'loss' ? 'win' : 'draw';
}
