import type { SeatChoice } from '@chat/contracts';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useSocket } from '../../../lib/socket-context';
import { startGame } from '../api/game-calls';
import { SeatsForm } from './seats-form';
import './games.css';

type Seats = { x: SeatChoice; o: SeatChoice };

/** The menu's quick starts; the last item opens the form with every seat choice. */
const QUICK_STARTS: Array<{ label: string; seats: Seats }> = [
  { label: 'Play tic-tac-toe against the AI', seats: { x: 'me', o: 'ai' } },
  { label: 'Play tic-tac-toe against anyone here', seats: { x: 'me', o: 'open' } },
  { label: 'Watch the AI play tic-tac-toe against itself', seats: { x: 'ai', o: 'ai' } },
];
const CHOOSE_SEATS = 'Tic-tac-toe: choose who plays…';

/**
 * The "+" beside the composer: a menu button (arrows move, Escape closes and gives the focus
 * back) whose items start a game of tic-tac-toe in this conversation.
 */
export function GameMenu({ conversationId }: { conversationId: string }) {
  const socket = useSocket();
  const [open, setOpen] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const root = useRef<HTMLDivElement>(null);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const close = (giveFocusBack: boolean) => {
    setOpen(false);
    setChoosing(false);
    if (giveFocusBack) button.current?.focus();
  };

  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);
  // A click anywhere else closes the menu (and the form).
  useEffect(() => {
    if (!open && !choosing) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, choosing]);

  const start = (seats: Seats) => {
    close(true);
    if (!socket) return;
    setError(null);
    startGame(socket, { conversationId, ...seats }).catch((e: Error) => setError(e.message));
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const to = {
      ArrowDown: (at + 1) % list.length,
      ArrowUp: (at - 1 + list.length) % list.length,
      Home: 0,
      End: list.length - 1,
    }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      list[to]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="game-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="game-menu__button"
        aria-label="More actions"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => {
          setChoosing(false);
          setOpen((value) => !value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span aria-hidden="true">+</span>
      </button>
      {open ? (
        <ul
          ref={menu}
          id={`${id}-menu`}
          className="game-menu__menu"
          role="menu"
          aria-label="More actions"
          onKeyDown={onMenuKey}
        >
          {QUICK_STARTS.map((item) => (
            <li key={item.label} role="none">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => start(item.seats)}>
                {item.label}
              </button>
            </li>
          ))}
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                setChoosing(true);
              }}
            >
              {CHOOSE_SEATS}
            </button>
          </li>
        </ul>
      ) : null}
      {choosing ? (
        <div className="game-menu__panel">
          <SeatsForm onStart={start} onCancel={() => close(true)} />
        </div>
      ) : null}
      {error ? (
        <p className="form__error game-menu__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
