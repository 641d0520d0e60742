import { createRoomBodySchema, LIMITS, slugify, type Conversation } from '@chat/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Modal } from '../../../components/modal';
import { TextAreaField, TextField } from '../../../components/text-field';
import { isApiError } from '../../../lib/api-client';
import { apiFormErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useCreateRoom } from '../api/rooms';

const NAME_ID = 'new-room-name';

type NewRoomDialogProps = {
  initialName?: string;
  onClose: () => void;
  onCreated: (room: Conversation) => void;
};

/** Name and topic; the slug is shown as you type, and a taken slug is reported at the name. */
export function NewRoomDialog({ initialName = '', onClose, onCreated }: NewRoomDialogProps) {
  const create = useCreateRoom();
  const [name, setName] = useState(initialName);
  const [topic, setTopic] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [takenSlug, setTakenSlug] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const slug = slugify(name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    setTakenSlug(undefined);
    const parsed = createRoomBodySchema.safeParse({ name, ...(topic.trim() ? { topic } : {}) });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: onCreated,
      onError: (error) => {
        if (isApiError(error, 'SLUG_TAKEN')) {
          setTakenSlug(slug);
          setErrors({ name: `A room called #${slug} already exists.` });
          document.getElementById(NAME_ID)?.focus();
          return;
        }
        const result = apiFormErrors(error, ['name', 'topic']);
        setErrors(result.fields);
        setFormError(result.form);
      },
    });
  };

  return (
    <Modal title="New room" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate aria-label="New room">
        {formError ? (
          <p className="form__error" role="alert">
            {formError}
          </p>
        ) : null}
        <TextField
          id={NAME_ID}
          label="Name"
          name="name"
          value={name}
          maxLength={LIMITS.roomNameMax}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          hint={
            slug
              ? `Address: /rooms/${slug}`
              : `${LIMITS.roomNameMin}–${LIMITS.roomNameMax} characters`
          }
        />
        {takenSlug ? (
          <p className="field__hint">
            <Link to={`/rooms/${takenSlug}`} onClick={onClose}>
              Go to #{takenSlug}
            </Link>
          </p>
        ) : null}
        <TextAreaField
          label="Topic"
          name="topic"
          value={topic}
          maxLength={LIMITS.roomTopicMax}
          onChange={(event) => setTopic(event.target.value)}
          error={errors.topic}
          hint="Optional: what the room is about"
        />
        <div className="form__actions">
          <button type="submit" className="button--primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create room'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
