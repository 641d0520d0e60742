import { Link } from 'react-router';
import { useRooms } from '../api/rooms';

/** Every room with member and online counts. */
export function RoomList() {
  const rooms = useRooms();
  if (rooms.isPending) return <p className="muted">Loading rooms…</p>;
  if (rooms.isError) return <p className="form__error">Could not load the rooms.</p>;
  const items = rooms.data.items.filter((room) => room.kind === 'room');
  if (items.length === 0) return <p className="muted">No rooms yet. Start the first one!</p>;
  return (
    <ul className="room-list" aria-label="Rooms">
      {items.map((room) => (
        <li key={room.id} className="room-list__item">
          <Link to={`/rooms/${room.slug}`} className="room-list__name">
            #{room.slug}
          </Link>
          <span className="room-list__title">{room.name}</span>
          {room.topic ? <span className="muted room-list__topic">{room.topic}</span> : null}
          <span className="muted room-list__counts">
            {room.memberCount} {room.memberCount === 1 ? 'member' : 'members'} · {room.onlineCount}{' '}
            online
          </span>
        </li>
      ))}
    </ul>
  );
}
