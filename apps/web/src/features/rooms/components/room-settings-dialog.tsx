import {
  LIMITS,
  updateRoomBodySchema,
  type RoomDetails,
  type UpdateRoomBody,
} from '@chat/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { FormAlert } from '../../../components/form-alert';
import { DialogActions } from '../../../components/dialog-actions';
import { Modal } from '../../../components/modal';
import { TextAreaField, TextField } from '../../../components/text-field';
import { resolveBody, useApiForm } from '../../../lib/forms';
import { setArchived, updateRoom, useModeration } from '../api/rooms';

type SettingsValues = { name: string; topic: string };

// Both are sent: an empty topic clears it (the API takes "" for that).
const toBody = ({ name, topic }: SettingsValues) => ({ name, topic });
const resolver = resolveBody(toBody, zodResolver(updateRoomBodySchema));

/** Moderators and the owner: the room's name (the slug stays), its topic, archive or unarchive. */
export function RoomSettingsDialog({ room, onClose }: { room: RoomDetails; onClose: () => void }) {
  const slug = room.slug ?? '';
  const update = useModeration((body: UpdateRoomBody) => updateRoom(slug, body));
  const archive = useModeration((archived: boolean) => setArchived(slug, archived));
  const { field, submit, formError } = useApiForm({
    defaultValues: { name: room.name, topic: room.topic ?? '' },
    resolver,
    send: async (body) => {
      await update.mutateAsync(body);
      onClose();
    },
  });
  return (
    <Modal title={`Settings of #${slug}`} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate aria-label="Room settings">
        <FormAlert message={formError} />
        <TextField
          label="Name"
          maxLength={LIMITS.roomNameMax}
          {...field('name')}
          hint={`The address stays /rooms/${slug}`}
        />
        <TextAreaField
          label="Topic"
          maxLength={LIMITS.roomTopicMax}
          {...field('topic')}
          hint="Empty clears the topic"
        />
        <DialogActions
          submitLabel="Save"
          pending={update.isPending}
          pendingLabel="Saving…"
          onCancel={onClose}
        />
      </form>
      <section aria-labelledby="archive-heading" className="room-settings__archive">
        <h3 id="archive-heading">{room.archived ? 'Archived' : 'Archive'}</h3>
        <p className="muted">
          {room.archived
            ? 'Nobody can post, react or edit here. Unarchiving opens the room again.'
            : 'Archiving makes the room read-only for everyone, you included.'}
        </p>
        <FormAlert
          message={
            archive.isError
              ? archive.error instanceof Error
                ? archive.error.message
                : 'That did not work'
              : undefined
          }
        />
        <button
          type="button"
          className={room.archived ? undefined : 'button--danger'}
          disabled={archive.isPending}
          onClick={() => archive.mutate(!room.archived, { onSuccess: onClose })}
        >
          {room.archived ? 'Unarchive room' : 'Archive room'}
        </button>
      </section>
    </Modal>
  );
}
