import type { SeatChoice } from '@chat/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

const CHOICES: Array<{ value: SeatChoice; label: string }> = [
  { value: 'me', label: 'Me' },
  { value: 'ai', label: 'AI' },
  { value: 'open', label: 'Anyone' },
];

/** "New game": choose who plays X and O (me, the AI or anyone), then start. Escape cancels. */
export function SeatsForm(props: {
  onStart: (seats: { x: SeatChoice; o: SeatChoice }) => void;
  onCancel: () => void;
}) {
  const [x, setX] = useState<SeatChoice>('me');
  const [o, setO] = useState<SeatChoice>('ai');
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  // Opened from the menu: the focus goes to the first choice.
  useEffect(() => form.current?.querySelector('select')?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onStart({ x, o });
  };

  return (
    <form
      ref={form}
      className="start-game__form"
      aria-label="New game"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        props.onCancel();
      }}
    >
      <SeatSelect id={`${id}-x`} mark="X" value={x} onChange={setX} />
      <SeatSelect id={`${id}-o`} mark="O" value={o} onChange={setO} />
      <button type="submit" className="button--small">
        Start game
      </button>
      <button type="button" className="button--small" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
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
