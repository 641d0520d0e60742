import { createRoomBodySchema, LIMITS, slugify, type Conversation } from '@chat/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form-alert';
import { DialogActions } from '../../../components/dialog-actions';
import { Modal } from '../../../components/modal';
import { TextAreaField, TextField } from '../../../components/text-field';
import { isApiError } from '../../../lib/api-client';
import { resolveBody, useApiForm } from '../../../lib/forms';
import { useCreateRoom } from '../api/rooms';

type NewRoomDialogProps = {
  initialName?: string;
  onClose: () => void;
  onCreated: (room: Conversation) => void;
};

type NewRoomValues = { name: string; topic: string };

// The topic is optional: left blank, it is left out of the body.
const toBody = ({ name, topic }: NewRoomValues) => ({ name, ...(topic.trim() ? { topic } : {}) });
const resolver = resolveBody(toBody, zodResolver(createRoomBodySchema));

/** Name and topic; the slug is shown as you type, and a taken slug is reported at the name. */
export function NewRoomDialog({ initialName = '', onClose, onCreated }: NewRoomDialogProps) {
  const create = useCreateRoom();
  const [takenSlug, setTakenSlug] = useState<string>();
  const { field, watch, submit, formError } = useApiForm({
    defaultValues: { name: initialName, topic: '' },
    resolver,
    beforeSubmit: () => setTakenSlug(undefined),
    send: async (body) => onCreated(await create.mutateAsync(body)),
    explain: (error, form) => {
      if (!isApiError(error, 'SLUG_TAKEN')) return false;
      setTakenSlug(slug);
      form.setError(
        'name',
        { type: 'server', message: `A room called #${slug} already exists.` },
        { shouldFocus: true },
      );
      return true;
    },
  });
  const slug = slugify(watch('name'));

  return (
    <Modal title="New room" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate aria-label="New room">
        <FormAlert message={formError} />
        <TextField
          label="Name"
          maxLength={LIMITS.roomNameMax}
          {...field('name')}
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
          maxLength={LIMITS.roomTopicMax}
          {...field('topic')}
          hint="Optional: what the room is about"
        />
        <DialogActions
          submitLabel="Create room"
          pending={create.isPending}
          pendingLabel="Creating…"
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
