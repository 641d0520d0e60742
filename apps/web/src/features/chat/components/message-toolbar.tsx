import type { Message } from '@chat/contracts';
import { useRef, useState } from 'react';
import { Modal } from '../../../components/modal';
import { canEdit } from '../logic/reply';
import { useMessageActions } from './message-actions';
import { ReactionPopover } from './reaction-popover';

/**
 * Reply, react, edit and delete (our own), copy link: shown on hover, focus or long-press. Only
 * the shown message's buttons exist, so the list stays one tab stop; shown by the mouse alone,
 * they are out of the tab order too (the pointer resting on a message must not put its buttons
 * between the list and the composer).
 */
export function MessageToolbar({
  message,
  onOpenChange,
  focusable,
}: {
  message: Message;
  /** A popover or dialog of the toolbar is open: keep it shown. */
  onOpenChange: (open: boolean) => void;
  /** The message has the focus (or was long-pressed): its buttons take Tab. */
  focusable: boolean;
}) {
  const tabIndex = focusable ? undefined : -1;
  const actions = useMessageActions();
  const [reacting, setReacting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const reactButton = useRef<HTMLButtonElement>(null);
  if (!actions || message.deletedAt !== null || message.kind === 'system') return null;
  const mine = message.sender.id === actions.myId;

  const setOpen = (open: boolean, set: (open: boolean) => void) => {
    set(open);
    onOpenChange(open);
  };
  const report = (work: Promise<void>, failed: string) =>
    work.catch((error: unknown) =>
      setStatus(error instanceof Error ? `${failed}: ${error.message}` : failed),
    );

  return (
    <div className="message-toolbar" role="toolbar" aria-label="Message actions">
      <button
        type="button"
        className="message-toolbar__button"
        tabIndex={tabIndex}
        onClick={() => actions.reply(message)}
      >
        Reply
      </button>
      <button
        ref={reactButton}
        type="button"
        className="message-toolbar__button"
        tabIndex={tabIndex}
        aria-expanded={reacting}
        aria-haspopup="dialog"
        onClick={() => setOpen(!reacting, setReacting)}
      >
        React
      </button>
      {canEdit(message, actions.myId) ? (
        <button
          type="button"
          className="message-toolbar__button"
          tabIndex={tabIndex}
          onClick={() => actions.setEditing(message.id)}
        >
          Edit
        </button>
      ) : null}
      {mine || actions.canModerate ? (
        <button
          type="button"
          className="message-toolbar__button"
          tabIndex={tabIndex}
          onClick={() => setOpen(true, setConfirming)}
        >
          Delete
        </button>
      ) : null}
      {actions.canPin && !message.game ? (
        <button
          type="button"
          className="message-toolbar__button"
          tabIndex={tabIndex}
          onClick={() =>
            void report(
              actions.pin(message, !message.pinned),
              message.pinned ? 'Could not unpin' : 'Could not pin',
            )
          }
        >
          {message.pinned ? 'Unpin' : 'Pin'}
        </button>
      ) : null}
      <button
        type="button"
        className="message-toolbar__button"
        tabIndex={tabIndex}
        onClick={() =>
          void actions.copyLink(message).then(
            () => setStatus('Link copied'),
            () => setStatus('Could not copy the link'),
          )
        }
      >
        Copy link
      </button>
      {status ? (
        <span className="message-toolbar__status" role="status">
          {status}
        </span>
      ) : null}
      {reacting ? (
        <ReactionPopover
          quick={actions.quickEmoji}
          onClose={() => {
            setOpen(false, setReacting);
            reactButton.current?.focus();
          }}
          onPick={(emoji) => {
            setOpen(false, setReacting);
            const already = message.reactions.some(
              (r) => r.emoji === emoji && r.userIds.includes(actions.myId),
            );
            void report(actions.react(message, emoji, !already), 'Could not react');
          }}
        />
      ) : null}
      {confirming ? (
        <Modal title="Delete this message?" onClose={() => setOpen(false, setConfirming)}>
          <p>It is replaced by “This message was deleted” for everyone.</p>
          <div className="modal__buttons">
            <button type="button" onClick={() => setOpen(false, setConfirming)}>
              Cancel
            </button>
            <button
              type="button"
              className="button--danger"
              onClick={() => {
                setOpen(false, setConfirming);
                void report(actions.remove(message), 'Could not delete');
              }}
            >
              Delete
            </button>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}
