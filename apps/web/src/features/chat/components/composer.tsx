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
import { PendingAttachments, type PendingUploads } from '../../attachments';
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
  /** The text (may be "" when files go with it) and the uploads the message carries. */
  onSend: (body: string, attachmentIds: string[]) => void;
  /** Files for the next message (signed-in users only): attach button, paste, and the list. */
  uploads?: PendingUploads;
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
  uploads,
}: ComposerProps) {
  const [text, setTextState] = useState(() =>
    draft ? loadDraft(draft.owner, draft.conversationId) : '',
  );
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const hintId = useId();
  const listId = `${hintId}-mentions`;
  const input = useRef<HTMLTextAreaElement>(null);
  const filePicker = useRef<HTMLInputElement>(null);
  useAutoGrow(input, text);
  const mentions = useMentionSuggestions(text, caret, findMentionables);
  const suggesting = mentions.people.length > 0;
  const length = text.trim().length;
  const over = length > LIMITS.messageBodyMax;
  const disabled = disabledReason !== undefined;
  const attachmentIds = uploads?.readyIds ?? [];
  // Files still uploading hold the message back; a failed one is removed first.
  const filesPending =
    (uploads?.busy ?? false) || uploads?.items.some((i) => i.status === 'failed');
  const sendable = !disabled && !over && !filesPending && (length > 0 || attachmentIds.length > 0);

  const setText = (next: string) => {
    setTextState(next);
    if (draft) saveDraft(draft.owner, draft.conversationId, next);
  };

  // Choosing to reply puts the cursor where the answer goes.
  useEffect(() => {
    if (replyTo) input.current?.focus();
  }, [replyTo]);

  const send = () => {
    if (!sendable) return;
    onSend(text.trim(), attachmentIds);
    onStopTyping?.();
    setText('');
    uploads?.clear();
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
      {uploads ? <PendingAttachments items={uploads.items} onRemove={uploads.remove} /> : null}
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
        onPaste={(event) => {
          const files = [...event.clipboardData.files];
          if (!uploads || disabled || files.length === 0) return;
          event.preventDefault();
          uploads.add(files);
        }}
      />
      {uploads && !disabled ? (
        <>
          <input
            ref={filePicker}
            type="file"
            multiple
            hidden
            aria-label="Files to attach"
            onChange={(event) => {
              uploads.add([...(event.target.files ?? [])]);
              event.target.value = '';
            }}
          />
          <button
            type="button"
            className="composer__attach"
            onClick={() => filePicker.current?.click()}
          >
            Attach files
          </button>
        </>
      ) : null}
      <button type="submit" className="button--primary composer__send" disabled={!sendable}>
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
