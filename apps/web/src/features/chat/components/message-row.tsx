import type { Message } from '@chat/contracts';
import { useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { messageAnchor, useMessageActions } from './message-actions';
import { GameMessage } from '../../games';
import { MessageAttachments } from '../../attachments';
import { MessageBody } from './message-body';
import { MessageEditor } from './message-editor';
import { MessageToolbar } from './message-toolbar';
import { ReactionChips } from './reaction-chips';
import { ReplyQuote } from './reply-quote';

const LONG_PRESS_MS = 500;

/**
 * A stored message: the quote it answers, its body (or the edit box, or the tombstone),
 * "(edited)", reactions, and its actions while hovered, focused or long-pressed.
 */
export function MessageRow({
  message,
  className,
  header,
  time,
  isNewStart,
}: {
  message: Message;
  className: string;
  header: ReactNode;
  time: ReactNode;
  /** The first message the reader had not read: a "New" line goes above it. */
  isNewStart?: boolean;
}) {
  const actions = useMessageActions();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [pressed, setPressed] = useState(false);
  const [popoverOpen, setPopoverOpen] = useState(false);
  const pressTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editing = actions?.editingId === message.id;
  const deleted = message.deletedAt !== null;
  const showTools = actions !== null && !editing && (hovered || focused || pressed || popoverOpen);
  const mentionsMe = actions !== null && message.mentions.includes(actions.myId);

  const onBlur = (event: FocusEvent<HTMLLIElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
  };
  // A focused button that goes away (a picked emoji) sends no blur: check again on leaving.
  const recheckFocus = (li: HTMLLIElement) => setFocused(li.matches(':focus-within'));
  const cancelPress = () => {
    if (pressTimer.current) clearTimeout(pressTimer.current);
    pressTimer.current = null;
  };

  return (
    <li
      id={messageAnchor(message.seq)}
      data-seq={message.seq}
      className={`${className}${mentionsMe ? ' message--mentions-me' : ''}${isNewStart ? ' message--new-start' : ''}`}
      tabIndex={-1}
      onMouseEnter={() => setHovered(true)}
      // A message drawn under a still pointer gets no mouseenter; the next move shows the tools.
      onMouseMove={() => {
        if (!hovered) setHovered(true);
      }}
      onMouseLeave={(event) => {
        setHovered(false);
        setPressed(false);
        recheckFocus(event.currentTarget);
      }}
      onFocus={() => setFocused(true)}
      onBlur={onBlur}
      onTouchStart={() => {
        cancelPress();
        pressTimer.current = setTimeout(() => setPressed(true), LONG_PRESS_MS);
      }}
      onTouchEnd={cancelPress}
      onTouchMove={cancelPress}
    >
      {isNewStart ? (
        <p className="message__new-line" role="separator" aria-label="New messages start here">
          <span>New</span>
        </p>
      ) : null}
      {message.replyTo ? <ReplyQuote replyTo={message.replyTo} onJump={actions?.jumpTo} /> : null}
      {header}
      <div className="message__content">
        {deleted ? (
          <p className="message__body message__tombstone">This message was deleted</p>
        ) : editing && actions ? (
          <MessageEditor
            message={message}
            onCancel={() => actions.setEditing(null)}
            onSave={async (body) => {
              await actions.edit(message, body);
              actions.setEditing(null);
            }}
          />
        ) : message.game ? (
          <GameMessage message={message} />
        ) : (
          <>
            {message.body ? (
              <MessageBody body={message.body} myUsername={actions?.myUsername} />
            ) : null}
            <MessageAttachments attachments={message.attachments ?? []} />
          </>
        )}
        {time}
        {message.pinned && !deleted ? (
          <span className="message__pinned" title="Pinned">
            <span aria-hidden="true">📌</span>
            <span className="visually-hidden">Pinned</span>
          </span>
        ) : null}
        {message.editedAt && !deleted ? (
          <span
            className="message__edited muted"
            title={`Edited ${new Date(message.editedAt).toLocaleString()}`}
          >
            (edited)
          </span>
        ) : null}
      </div>
      {deleted ? null : <ReactionChips message={message} />}
      {showTools ? (
        <MessageToolbar
          message={message}
          focusable={focused || pressed || popoverOpen}
          onOpenChange={(open) => {
            setPopoverOpen(open);
            if (!open) setFocused(false);
          }}
        />
      ) : null}
    </li>
  );
}
