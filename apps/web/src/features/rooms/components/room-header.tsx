import type { RoomDetails } from '@chat/contracts';
import type { ReactNode } from 'react';
import { useJoinRoom, useLeaveRoom } from '../api/rooms';

/** The room's name, topic and member count, with Join or Leave (and what the page adds). */
export function RoomHeader({
  room,
  isMember,
  children,
}: {
  room: RoomDetails;
  isMember: boolean;
  children?: ReactNode;
}) {
  const join = useJoinRoom(room.slug ?? '');
  const leave = useLeaveRoom(room.slug ?? '');
  return (
    <header className="conversation__header">
      <div className="conversation__title">
        <h1 className="truncate" title={`#${room.slug}`}>
          #{room.slug}
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
    </header>
  );
}
