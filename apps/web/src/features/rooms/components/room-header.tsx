import type { RoomDetails } from '@chat/contracts';
import { useState, type ReactNode } from 'react';
import { useJoinRoom, useLeaveRoom } from '../api/rooms';
import { canModerate } from '../logic/moderation';
import { RoomSettingsDialog } from './room-settings-dialog';

/**
 * The room's name, topic and member count, with Join or Leave, "Members" (the member list
 * beside the chat) and, for moderators and the owner, "Room settings".
 */
export function RoomHeader({
  room,
  isMember,
  membersOpen,
  onToggleMembers,
  children,
}: {
  room: RoomDetails;
  isMember: boolean;
  membersOpen?: boolean;
  onToggleMembers?: () => void;
  /** What the page adds beside the buttons (the Mute toggle). */
  children?: ReactNode;
}) {
  const join = useJoinRoom(room.slug ?? '');
  const leave = useLeaveRoom(room.slug ?? '');
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <header className="conversation__header">
      <div className="conversation__title">
        <h1 className="truncate" title={`#${room.slug}`}>
          #{room.slug}
          {room.archived ? <span className="badge badge--archived"> archived</span> : null}
        </h1>
        <p
          className="muted conversation__topic truncate"
          title={room.topic ? `${room.name} — ${room.topic}` : room.name}
        >
          {room.name}
          {room.topic ? ` — ${room.topic}` : ''} · {room.memberCount}{' '}
          {room.memberCount === 1 ? 'member' : 'members'}
        </p>
      </div>
      {children}
      {isMember && onToggleMembers ? (
        <button
          type="button"
          className="button--small"
          aria-expanded={membersOpen}
          aria-controls="room-members"
          onClick={onToggleMembers}
        >
          Members
        </button>
      ) : null}
      {isMember && canModerate(room.myRole) ? (
        <button type="button" className="button--small" onClick={() => setSettingsOpen(true)}>
          Room settings
        </button>
      ) : null}
      {isMember ? (
        <button type="button" onClick={() => leave.mutate()} disabled={leave.isPending}>
          Leave room
        </button>
      ) : (
        <button
          type="button"
          className="button--primary"
          onClick={() => join.mutate()}
          disabled={join.isPending}
        >
          Join room
        </button>
      )}
      {join.isError ? (
        <p className="form__error" role="alert">
          {join.error instanceof Error ? join.error.message : 'Could not join'}
        </p>
      ) : null}
      {settingsOpen ? (
        <RoomSettingsDialog room={room} onClose={() => setSettingsOpen(false)} />
      ) : null}
    </header>
  );
}
