import type { GameSeat, GameState, Mark, Message } from '@chat/contracts';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useSession } from '../../auth';
import { useSocket } from '../../../lib/socket-context';
import { moveInGame, startGame } from '../api/game-calls';
import { useLiveGame } from '../hooks/use-live-game';
import './games.css';

const seatName = (seat: GameSeat) =>
  seat.kind === 'ai' ? 'the AI' : seat.kind === 'open' ? 'anyone' : (seat.name ?? 'someone');

function statusText(game: GameState, myId: string | undefined): string {
  if (game.status === 'draw') return 'Draw.';
  if (game.status !== 'playing') {
    const winner: Mark = game.status === 'x_won' ? 'X' : 'O';
    const seat = game.seats[winner];
    return seat.kind === 'user' && seat.userId === myId
      ? `You won as ${winner}!`
      : `${winner} won: ${seatName(seat)}.`;
  }
  const seat = game.seats[game.turn];
  if (seat.kind === 'user' && seat.userId === myId) return `Your turn (${game.turn}).`;
  return `${game.turn} to move: ${seatName(seat)}.`;
}

/** A game message: the board as a 3×3 grid of buttons, whose turn, the winning line, a rematch. */
export function GameMessage({ message }: { message: Message }) {
  const socket = useSocket();
  const session = useSession().data;
  const myId =
    session?.kind === 'user'
      ? session.user.id
      : session?.kind === 'guest'
        ? session.guest.id
        : undefined;
  const [current, keepNewest] = useLiveGame(message);
  const [error, setError] = useState<string | null>(null);
  const cells = useRef<Array<HTMLButtonElement | null>>([]);
  const game = current.game;
  if (!game) return null;

  const play = (cell: number) => {
    if (!socket) return;
    setError(null);
    moveInGame(socket, { messageId: current.id, cell }).then(keepNewest, (e: Error) =>
      setError(e.message),
    );
  };
  const rematch = () => {
    if (!socket) return;
    const seatChoice = (seat: GameSeat) =>
      seat.kind === 'ai' ? 'ai' : seat.kind === 'user' && seat.userId === myId ? 'me' : 'open';
    startGame(socket, {
      conversationId: current.conversationId,
      x: seatChoice(game.seats.X),
      o: seatChoice(game.seats.O),
    }).catch((e: Error) => setError(e.message));
  };
  // Arrow keys move between cells, as in a grid; Enter or Space plays the focused one.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = cells.current.findIndex((cell) => cell === document.activeElement);
    if (index < 0) return;
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -3, ArrowDown: 3 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    cells.current[(index + step + 9) % 9]?.focus();
  };
  const playing = game.status === 'playing';

  return (
    <div className="game">
      <div
        className="game__board"
        role="group"
        aria-label="Tic-tac-toe board"
        onKeyDown={onKeyDown}
      >
        {[...game.board].map((square, cell) => {
          const row = Math.floor(cell / 3) + 1;
          const column = (cell % 3) + 1;
          const winning = game.line?.includes(cell) ?? false;
          const label =
            square === '-'
              ? `Place ${game.turn} in row ${row}, column ${column}`
              : `${square} in row ${row}, column ${column}${winning ? ', winning line' : ''}`;
          return (
            <button
              key={cell}
              ref={(element) => {
                cells.current[cell] = element;
              }}
              type="button"
              className={`game__cell${winning ? ' game__cell--winning' : ''}`}
              aria-label={label}
              aria-disabled={!playing || square !== '-'}
              onClick={() => {
                if (playing && square === '-') play(cell);
              }}
            >
              {square === '-' ? '' : square}
            </button>
          );
        })}
      </div>
      <p className="game__status" role="status">
        {statusText(game, myId)}
      </p>
      <p className="muted game__seats">
        X: {seatName(game.seats.X)} · O: {seatName(game.seats.O)}
      </p>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      {!playing ? (
        <button type="button" className="button--small" onClick={rematch}>
          Rematch
        </button>
      ) : null}
    </div>
  );
}
