import type { Message } from '@chat/contracts';
import { LIMITS } from '@chat/contracts';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** Inline edit: Enter saves, Shift+Enter is a new line, Escape cancels. */
export function MessageEditor({
  message,
  onSave,
  onCancel,
}: {
  message: Message;
  onSave: (body: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [text, setText] = useState(message.body);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const trimmed = text.trim();
  const invalid = trimmed.length === 0 || trimmed.length > LIMITS.messageBodyMax;

  const save = async () => {
    if (invalid || saving) return;
    if (trimmed === message.body) return onCancel();
    setSaving(true);
    setError(null);
    try {
      await onSave(trimmed);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not save the edit');
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <div className="message-editor">
      <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
        Edit message
      </label>
      <textarea
        id={`edit-${message.id}`}
        ref={box}
        className="message-editor__input"
        value={text}
        rows={Math.min(8, text.split('\n').length)}
        aria-invalid={invalid || undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="message-editor__buttons">
        <button type="button" className="button--small" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button--small button--primary"
          disabled={invalid || saving}
          onClick={() => void save()}
        >
          Save
        </button>
        <span className="muted message-editor__hint">Escape to cancel, Enter to save</span>
      </div>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
