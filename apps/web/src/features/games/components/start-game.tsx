import type { SeatChoice } from '@chat/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useSocket } from '../../../lib/socket-context';
import { startGame } from '../api/game-calls';
import './games.css';

const CHOICES: Array<{ value: SeatChoice; label: string }> = [
  { value: 'me', label: 'Me' },
  { value: 'ai', label: 'AI' },
  { value: 'open', label: 'Anyone' },
];

/** "Play tic-tac-toe": choose who plays X and O, and post the game in this conversation. */
export function StartGame({ conversationId }: { conversationId: string }) {
  const socket = useSocket();
  const [open, setOpen] = useState(false);
  const [x, setX] = useState<SeatChoice>('me');
  const [o, setO] = useState<SeatChoice>('ai');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!socket) return;
    setError(null);
    startGame(socket, { conversationId, x, o }).then(
      () => setOpen(false),
      (e: Error) => setError(e.message),
    );
  };

  return (
    <div className="start-game">
      <button
        type="button"
        className="button--small"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => setOpen((value) => !value)}
      >
        Play tic-tac-toe
      </button>
      {open ? (
        <form
          id={`${id}-form`}
          className="start-game__form"
          aria-label="New game"
          onSubmit={submit}
        >
          <SeatSelect id={`${id}-x`} mark="X" value={x} onChange={setX} />
          <SeatSelect id={`${id}-o`} mark="O" value={o} onChange={setO} />
          <button type="submit" className="button--small">
            Start game
          </button>
          {error ? (
            <span className="form__error" role="alert">
              {error}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

function SeatSelect(props: {
  id: string;
  mark: 'X' | 'O';
  value: SeatChoice;
  onChange: (value: SeatChoice) => void;
}) {
  return (
    <>
      <label htmlFor={props.id}>Who plays {props.mark}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as SeatChoice)}
      >
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </>
  );
}
