import type { RoomDetails } from '@chat/contracts';
import { useJoinRoom, useLeaveRoom } from '../api/rooms';

/** The room's name, topic and member count, with Join or Leave. */
export function RoomHeader({ room, isMember }: { room: RoomDetails; isMember: boolean }) {
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
