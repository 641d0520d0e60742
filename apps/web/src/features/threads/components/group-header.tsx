import { LIMITS, type PublicUser, type Thread } from '@chat/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { DialogActions } from '../../../components/dialog-actions';
import { Modal } from '../../../components/modal';
import { TextField } from '../../../components/text-field';
import { addGroupMember, leaveGroup, renameGroup, useGroupChange } from '../api/threads';
import { groupTitle } from '../logic/group-title';
import { PeoplePicker } from './people-picker';

const errorText = (error: unknown, fallback: string) =>
  error instanceof Error ? error.message : fallback;

/** A group's name and members, with Rename, Add people and Leave (any member may). */
export function GroupHeader({
  group,
  myUserId,
  onLeft,
  children,
}: {
  group: Thread;
  myUserId: string;
  onLeft: () => void;
  /** What the page adds beside the buttons (the Mute toggle). */
  children?: ReactNode;
}) {
  const [dialog, setDialog] = useState<'rename' | 'add' | null>(null);
  const leave = useGroupChange(() => leaveGroup(group.id));
  const names = group.members.map((user) => (user.id === myUserId ? 'you' : user.displayName));
  return (
    <header className="conversation__header">
      <div className="conversation__title">
        <h1 className="truncate">{groupTitle(group, myUserId)}</h1>
        <p className="muted conversation__topic truncate" aria-label="Members">
          {group.members.length} people: {names.join(', ')}
        </p>
      </div>
      {children}
      <button type="button" className="button--small" onClick={() => setDialog('rename')}>
        Rename
      </button>
      <button type="button" className="button--small" onClick={() => setDialog('add')}>
        Add people
      </button>
      <button
        type="button"
        onClick={() => leave.mutate(undefined, { onSuccess: onLeft })}
        disabled={leave.isPending}
      >
        Leave group
      </button>
      {leave.isError ? <FormAlert message={errorText(leave.error, 'Could not leave')} /> : null}
      {dialog === 'rename' ? <RenameDialog group={group} onClose={() => setDialog(null)} /> : null}
      {dialog === 'add' ? <AddPeopleDialog group={group} onClose={() => setDialog(null)} /> : null}
    </header>
  );
}

function RenameDialog({ group, onClose }: { group: Thread; onClose: () => void }) {
  const [name, setName] = useState(group.name ?? '');
  const rename = useGroupChange((next: string) => renameGroup(group.id, next));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate(name.trim(), { onSuccess: onClose });
  };
  return (
    <Modal title="Rename the group" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate aria-label="Rename the group">
        <FormAlert
          message={rename.isError ? errorText(rename.error, 'Could not rename') : undefined}
        />
        <TextField
          label="Group name"
          value={name}
          maxLength={LIMITS.roomNameMax}
          onChange={(event) => setName(event.target.value)}
        />
        <DialogActions submitLabel="Save" pending={rename.isPending} onCancel={onClose} />
      </form>
    </Modal>
  );
}

function AddPeopleDialog({ group, onClose }: { group: Thread; onClose: () => void }) {
  const [picked, setPicked] = useState<PublicUser[]>([]);
  const add = useGroupChange(async (users: PublicUser[]) => {
    for (const user of users) await addGroupMember(group.id, user.id);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked.length > 0) add.mutate(picked, { onSuccess: onClose });
  };
  return (
    <Modal title="Add people" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate aria-label="Add people">
        <FormAlert message={add.isError ? errorText(add.error, 'Could not add') : undefined} />
        <PeoplePicker
          picked={picked}
          onChange={setPicked}
          exclude={group.members.map((user) => user.id)}
        />
        <DialogActions
          submitLabel={picked.length > 0 ? `Add ${picked.length}` : 'Add'}
          pending={add.isPending}
          disabled={picked.length === 0}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
