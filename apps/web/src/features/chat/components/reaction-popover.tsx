import { lazy, Suspense, useEffect, useRef, useState } from 'react';

// The full picker (and its data) only loads when someone asks for more than the quick six.
const FullEmojiPicker = lazy(() =>
  import('./emoji-picker').then((module) => ({ default: module.FullEmojiPicker })),
);

/** The quick six for one click, and the full picker behind "More emoji". Escape closes. */
export function ReactionPopover({
  quick,
  onPick,
  onClose,
}: {
  quick: readonly string[];
  onPick: (emoji: string) => void;
  onClose: () => void;
}) {
  const [full, setFull] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, []);

  return (
    <div
      ref={panel}
      className="reaction-popover"
      role="dialog"
      aria-label="Add a reaction"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="reaction-popover__quick">
        {quick.map((emoji) => (
          <button
            key={emoji}
            type="button"
            className="reaction-popover__emoji"
            aria-label={`React with ${emoji}`}
            onClick={() => onPick(emoji)}
          >
            {emoji}
          </button>
        ))}
        <button
          type="button"
          className="button--small"
          aria-expanded={full}
          onClick={() => setFull((open) => !open)}
        >
          More emoji
        </button>
      </div>
      {full ? (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <FullEmojiPicker onPick={onPick} />
        </Suspense>
      ) : null}
    </div>
  );
}
