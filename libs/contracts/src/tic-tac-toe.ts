// The rules of tic-tac-toe and a perfect player, shared by the API (which enforces them) and the
// web app (which shows them). Pure functions over plain values: no I/O, no dependencies.

/** A player's mark. */
export type Mark = 'X' | 'O';
/** One square: a mark, or '-' while empty. */
export type Square = Mark | '-';
/** The game's status, as `GameState.status` spells it. */
export type GameStatus = 'playing' | 'x_won' | 'o_won' | 'draw';

/** The nine squares, row by row: cell 0 is the top left, 8 the bottom right. */
export const EMPTY_BOARD = '---------';
export const BOARD_CELLS = 9;

/** The eight lines that win: three rows, three columns, two diagonals. */
export const WINNING_LINES: readonly (readonly [number, number, number])[] = [
  [0, 1, 2],
  [3, 4, 5],
  [6, 7, 8],
  [0, 3, 6],
  [1, 4, 7],
  [2, 5, 8],
  [0, 4, 8],
  [2, 4, 6],
];

/** Where a board stands: who (if anyone) has won and with which line, and whose turn it is. */
export interface BoardOutcome {
  status: GameStatus;
  /** The three winning cells, ascending; null unless someone has won. */
  line: number[] | null;
}

/** Why a move is refused. */
export type MoveRefusal = 'bad_cell' | 'cell_taken' | 'game_over';

export type MoveResult =
  { ok: true; board: string; turn: Mark } | { ok: false; reason: MoveRefusal };

export const otherMark = (mark: Mark): Mark => (mark === 'X' ? 'O' : 'X');

/** True for a string of nine squares. (Counts and winners are not checked: see `isReachable`.) */
export function isBoard(board: string): boolean {
  return /^[XO-]{9}$/.test(board);
}

/** The empty cells, ascending. On a finished board none is legal: see `legalMoves`. */
export function emptyCells(board: string): number[] {
  const cells: number[] = [];
  for (let i = 0; i < BOARD_CELLS; i++) if (board[i] === '-') cells.push(i);
  return cells;
}

/** The first complete line and its mark, or null. */
export function winnerOf(board: string): { mark: Mark; line: number[] } | null {
  for (const [a, b, c] of WINNING_LINES) {
    const mark = board[a];
    if ((mark === 'X' || mark === 'O') && mark === board[b] && mark === board[c])
      return { mark, line: [a, b, c] };
  }
  return null;
}

export function outcomeOf(board: string): BoardOutcome {
  const winner = winnerOf(board);
  if (winner) return { status: winner.mark === 'X' ? 'x_won' : 'o_won', line: winner.line };
  return { status: emptyCells(board).length === 0 ? 'draw' : 'playing', line: null };
}

/** X always starts, so the marks on the board say whose turn it is. */
export function turnOf(board: string): Mark {
  const xs = [...board].filter((s) => s === 'X').length;
  const os = [...board].filter((s) => s === 'O').length;
  return xs > os ? 'O' : 'X';
}

/** The cells the player to move may take: none once the game is over. */
export function legalMoves(board: string): number[] {
  return outcomeOf(board).status === 'playing' ? emptyCells(board) : [];
}

/** `turn` places its mark on `cell`, if that is legal. */
export function playMove(board: string, turn: Mark, cell: number): MoveResult {
  if (!Number.isInteger(cell) || cell < 0 || cell >= BOARD_CELLS)
    return { ok: false, reason: 'bad_cell' };
  if (outcomeOf(board).status !== 'playing') return { ok: false, reason: 'game_over' };
  if (board[cell] !== '-') return { ok: false, reason: 'cell_taken' };
  return {
    ok: true,
    board: `${board.slice(0, cell)}${turn}${board.slice(cell + 1)}`,
    turn: otherMark(turn),
  };
}

/**
 * True for a board a real game can reach: X moved first and players alternated, at most one
 * player has lines, and the winner made the last move.
 */
export function isReachable(board: string): boolean {
  if (!isBoard(board)) return false;
  const xs = [...board].filter((s) => s === 'X').length;
  const os = [...board].filter((s) => s === 'O').length;
  if (xs !== os && xs !== os + 1) return false;
  const xLines = WINNING_LINES.filter((l) => l.every((c) => board[c] === 'X')).length;
  const oLines = WINNING_LINES.filter((l) => l.every((c) => board[c] === 'O')).length;
  if (xLines > 0 && oLines > 0) return false;
  if (xLines > 0 && xs !== os + 1) return false;
  if (oLines > 0 && xs !== os) return false;
  return true;
}

// ---- the perfect player ----

/**
 * The value of a board for the player to move, with perfect play from both sides: a win is
 * worth 1 + the empty cells left when it happens (so a quicker win is worth more), a loss the
 * negative of that (so a later loss costs less), a draw 0. The whole game has 5,478 reachable
 * positions, so every value is memoised and no pruning is needed.
 */
const values = new Map<string, number>();

export function boardValue(board: string): number {
  const known = values.get(board);
  if (known !== undefined) return known;
  let value: number;
  if (winnerOf(board)) {
    // Whoever just moved has won: the player to move has lost.
    value = -(1 + emptyCells(board).length);
  } else {
    const moves = emptyCells(board);
    if (moves.length === 0) value = 0;
    else {
      const turn = turnOf(board);
      value = -Infinity;
      for (const cell of moves) {
        const next = playMove(board, turn, cell);
        if (next.ok) value = Math.max(value, -boardValue(next.board));
      }
    }
  }
  values.set(board, value);
  return value;
}

/** Every move of equal best value for the player to move (ascending); none if the game is over. */
export function bestMoves(board: string): number[] {
  const turn = turnOf(board);
  const scored = legalMoves(board).map((cell) => {
    const next = playMove(board, turn, cell);
    return { cell, value: next.ok ? -boardValue(next.board) : -Infinity };
  });
  const best = Math.max(...scored.map((s) => s.value));
  return scored.filter((s) => s.value === best).map((s) => s.cell);
}

/**
 * The perfect player's move. `pick` chooses among equally good moves (the first by default);
 * the server picks at random, so two AIs do not play the same game every time.
 */
export function bestMove(
  board: string,
  pick: (moves: number[]) => number = (moves) => moves[0]!,
): number | null {
  const moves = bestMoves(board);
  return moves.length > 0 ? pick(moves) : null;
}
