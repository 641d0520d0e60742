import { useState } from 'react';
import { Link } from 'react-router';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useRoomPages } from '../api/rooms';
import { SearchField } from '../../../components/search-field';

/** Every room with member and online counts, most active first, searchable by name. */
export function RoomList({ canCreate }: { canCreate: boolean }) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const rooms = useRoomPages(q);
  const items = rooms.data?.pages.flatMap((page) => page.items.filter((c) => c.kind === 'room'));
  return (
    <>
      <SearchField id="room-search" label="Search rooms" value={search} onChange={setSearch} />
      {rooms.isPending ? <p className="muted">Loading rooms…</p> : null}
      {rooms.isError ? <p className="form__error">Could not load the rooms.</p> : null}
      {items && items.length === 0 ? (
        <p className="muted">
          {q
            ? `No room matches “${q}”.`
            : canCreate
              ? 'No rooms yet. Start the first one!'
              : 'No rooms yet.'}
        </p>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="room-list" aria-label="Rooms">
          {items.map((room) => (
            <li key={room.id} className="room-list__item">
              <Link
                to={`/rooms/${room.slug}`}
                className="room-list__name truncate"
                title={`#${room.slug}`}
              >
                #{room.slug}
              </Link>
              <span className="room-list__title truncate" title={room.name}>
                {room.name}
              </span>
              {room.topic ? (
                <span className="muted room-list__topic truncate" title={room.topic}>
                  {room.topic}
                </span>
              ) : null}
              <span className="muted room-list__counts">
                {room.memberCount} {room.memberCount === 1 ? 'member' : 'members'} ·{' '}
                {room.onlineCount} online
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {rooms.hasNextPage ? (
        <button
          type="button"
          className="button"
          disabled={rooms.isFetchingNextPage}
          onClick={() => void rooms.fetchNextPage()}
        >
          {rooms.isFetchingNextPage ? 'Loading…' : 'More rooms'}
        </button>
      ) : null}
    </>
  );
}
