import { LIMITS, type ReplyPreview } from '@chat/contracts';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useMentionSuggestions, type FindMentionables } from '../hooks/use-mention-suggestions';
import { loadDraft, saveDraft } from '../logic/drafts';
import { insertMention } from '../logic/mention-query';
import { MentionSuggestions } from './mention-suggestions';

// The counter appears when the limit comes into view.
const COUNTER_FROM = LIMITS.messageBodyMax - 500;

type ComposerProps = {
  /** Why posting is not possible here (a visitor, say); the textbox is disabled with this text. */
  disabledReason?: string;
  placeholder: string;
  onSend: (body: string) => void;
  onKeystroke?: () => void;
  onStopTyping?: () => void;
  /** Where the unsent text is kept across navigation and reloads (per account and conversation). */
  draft?: { owner: string; conversationId: string };
  /** The message being answered, shown above the box with a way to cancel. */
  replyTo?: ReplyPreview | null;
  onCancelReply?: () => void;
  /** Up arrow in the empty box: edit our last message. */
  onEditLast?: () => void;
  /** Who `@` offers. */
  findMentionables?: FindMentionables;
};

/** The textbox named "Message": Enter sends, Shift+Enter starts a new line. */
export function Composer({
  disabledReason,
  placeholder,
  onSend,
  onKeystroke,
  onStopTyping,
  draft,
  replyTo,
  onCancelReply,
  onEditLast,
  findMentionables,
}: ComposerProps) {
  const [text, setTextState] = useState(() =>
    draft ? loadDraft(draft.owner, draft.conversationId) : '',
  );
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const hintId = useId();
  const listId = `${hintId}-mentions`;
  const input = useRef<HTMLTextAreaElement>(null);
  useAutoGrow(input, text);
  const mentions = useMentionSuggestions(text, caret, findMentionables);
  const suggesting = mentions.people.length > 0;
  const length = text.trim().length;
  const over = length > LIMITS.messageBodyMax;
  const disabled = disabledReason !== undefined;

  const setText = (next: string) => {
    setTextState(next);
    if (draft) saveDraft(draft.owner, draft.conversationId, next);
  };

  // Choosing to reply puts the cursor where the answer goes.
  useEffect(() => {
    if (replyTo) input.current?.focus();
  }, [replyTo]);

  const send = () => {
    const body = text.trim();
    if (!body || over || disabled) return;
    onSend(body);
    onStopTyping?.();
    setText('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const pick = (index: number) => {
    const person = mentions.people[index];
    if (!person || !mentions.at) return;
    const next = insertMention(text, mentions.at.start, caret, person.username);
    setText(next.text);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => input.current?.setSelectionRange(next.caret, next.caret));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggesting) {
      const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
      if (event.key in moves) {
        event.preventDefault();
        const count = mentions.people.length;
        setActive((current) => (current + moves[event.key]! + count) % count);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(Math.min(active, mentions.people.length - 1));
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        mentions.dismiss();
        return;
      }
    }
    if (event.key === 'Escape' && replyTo) {
      event.preventDefault();
      onCancelReply?.();
      return;
    }
    if (event.key === 'ArrowUp' && text === '' && onEditLast) {
      event.preventDefault();
      onEditLast();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form className="composer" onSubmit={submit} aria-label="Send a message">
      {replyTo ? (
        <div className="composer__reply">
          <span className="composer__reply-text">
            Replying to <strong>{replyTo.senderName}</strong>
            {replyTo.excerpt ? `: ${replyTo.excerpt}` : ''}
          </span>
          <button type="button" className="button--small" onClick={onCancelReply}>
            Cancel reply
          </button>
        </div>
      ) : null}
      {suggesting ? (
        <MentionSuggestions
          id={listId}
          people={mentions.people}
          active={Math.min(active, mentions.people.length - 1)}
          onPick={(person) => pick(mentions.people.indexOf(person))}
        />
      ) : null}
      <label htmlFor={`${hintId}-input`} className="visually-hidden">
        Message
      </label>
      <textarea
        id={`${hintId}-input`}
        ref={input}
        className="composer__input"
        rows={1}
        value={text}
        placeholder={disabled ? '' : placeholder}
        disabled={disabled}
        aria-describedby={hintId}
        aria-invalid={over || undefined}
        aria-autocomplete={findMentionables ? 'list' : undefined}
        aria-controls={suggesting ? listId : undefined}
        aria-activedescendant={
          suggesting ? `${listId}-${Math.min(active, mentions.people.length - 1)}` : undefined
        }
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          mentions.reset();
          if (event.target.value) onKeystroke?.();
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={onStopTyping}
      />
      <button
        type="submit"
        className="button--primary composer__send"
        disabled={disabled || over || length === 0}
      >
        Send
      </button>
      <p id={hintId} className={`composer__hint${over ? ' composer__hint--over' : ''}`}>
        {disabled
          ? disabledReason
          : length >= COUNTER_FROM
            ? over
              ? `${length - LIMITS.messageBodyMax} characters over the ${LIMITS.messageBodyMax} limit`
              : `${LIMITS.messageBodyMax - length} characters left`
            : `Enter to send, Shift+Enter for a new line${onEditLast ? ', ↑ to edit your last message' : ''}`}
      </p>
    </form>
  );
}

/** The textbox is as tall as its text (wrapped lines too), up to a third of the screen. */
function useAutoGrow(ref: RefObject<HTMLTextAreaElement | null>, text: string) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    const max = window.innerHeight / 3;
    const borders = el.offsetHeight - el.clientHeight;
    const wanted = el.scrollHeight + borders;
    el.style.height = `${Math.min(wanted, max)}px`;
    el.style.overflowY = wanted > max ? 'auto' : 'hidden';
  }, [ref, text]);
}
