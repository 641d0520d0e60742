import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { pinsQueryOptions } from '../api/messages';
import { useMessageActions } from './message-actions';

/**
 * "Pinned (n)": the conversation's pinned messages, newest pin first, behind a toggle. The list
 * follows pins live (the runtime writes each change into it); a click jumps to the message.
 */
export function PinnedPanel({ conversationId }: { conversationId: string }) {
  const pins = useQuery(pinsQueryOptions(conversationId));
  const actions = useMessageActions();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const items = pins.data?.items ?? [];
  return (
    <div className="pinned">
      <button
        type="button"
        className="button--small pinned__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        Pinned ({items.length})
      </button>
      {open ? (
        <section id={panelId} className="pinned__panel" aria-label="Pinned messages">
          {pins.isError ? <p className="form__error">Could not load the pinned messages.</p> : null}
          {pins.isSuccess && items.length === 0 ? (
            <p className="muted">Nothing is pinned yet.</p>
          ) : null}
          <ul className="plain-list pinned__list">
            {items.map((message) => (
              <li key={message.id}>
                <button
                  type="button"
                  className="pinned__item"
                  onClick={() => {
                    actions?.jumpTo(message.seq);
                    setOpen(false);
                  }}
                >
                  <span className="pinned__sender">{message.sender.name}</span>{' '}
                  <span className="pinned__body">{message.body}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
