import { LIMITS, type Conversation, type PublicUser } from '@chat/contracts';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { DialogActions } from '../../../components/dialog-actions';
import { Modal } from '../../../components/modal';
import { TextField } from '../../../components/text-field';
import { createGroup, useGroupChange } from '../api/threads';
import { pickProblem } from '../logic/group-title';
import { PeoplePicker } from './people-picker';

/** A group of 3–50 people, me included: pick 2–49 others from the directory, name it if you like. */
export function NewGroupDialog({
  myUserId,
  onClose,
  onCreated,
}: {
  myUserId: string;
  onClose: () => void;
  onCreated: (group: Conversation) => void;
}) {
  const [picked, setPicked] = useState<PublicUser[]>([]);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const create = useGroupChange(createGroup);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = pickProblem(picked);
    setProblem(wrong ?? undefined);
    if (wrong) return;
    create.mutate(
      { userIds: picked.map((user) => user.id), ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: onCreated,
        onError: (error) =>
          setProblem(error instanceof Error ? error.message : 'Could not create the group'),
      },
    );
  };

  return (
    <Modal title="New group" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate aria-label="New group">
        <FormAlert message={problem} />
        <TextField
          label="Group name"
          value={name}
          maxLength={LIMITS.roomNameMax}
          onChange={(event) => setName(event.target.value)}
          hint="Optional: without one, the group is called by its members' names"
        />
        <PeoplePicker picked={picked} onChange={setPicked} exclude={[myUserId]} />
        <p className="muted" aria-live="polite">
          {picked.length} picked ({LIMITS.groupMembersMin - 1}–{LIMITS.groupMembersMax - 1})
        </p>
        <DialogActions
          submitLabel="Create group"
          pending={create.isPending}
          pendingLabel="Creating…"
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
