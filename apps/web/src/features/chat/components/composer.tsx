import { LIMITS } from '@chat/contracts';
import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';

// The counter appears when the limit comes into view.
const COUNTER_FROM = LIMITS.messageBodyMax - 500;

type ComposerProps = {
  /** Why posting is not possible here (a visitor, say); the textbox is disabled with this text. */
  disabledReason?: string;
  placeholder: string;
  onSend: (body: string) => void;
  onKeystroke?: () => void;
  onStopTyping?: () => void;
};

/** The textbox named "Message": Enter sends, Shift+Enter starts a new line. */
export function Composer({
  disabledReason,
  placeholder,
  onSend,
  onKeystroke,
  onStopTyping,
}: ComposerProps) {
  const [text, setText] = useState('');
  const hintId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  useAutoGrow(input, text);
  const length = text.trim().length;
  const over = length > LIMITS.messageBodyMax;
  const disabled = disabledReason !== undefined;

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

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form className="composer" onSubmit={submit} aria-label="Send a message">
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
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value) onKeystroke?.();
        }}
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
            : 'Enter to send, Shift+Enter for a new line'}
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
