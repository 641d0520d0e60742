import { NavLink } from 'react-router';
import { useMutedConversations } from '../../../lib/conversation-mute';
import { useMyRooms } from '../api/rooms';

/** The sidebar's links to the rooms a signed-in viewer has joined (others have none). */
export function RoomsNav({ signedIn, myUserId }: { signedIn: boolean; myUserId?: string }) {
  const rooms = useMyRooms(signedIn);
  const muted = useMutedConversations(myUserId);
  const items = rooms.data?.items ?? [];
  // Only a signed-in person has rooms of their own; others get the way to the list.
  if (!signedIn) {
    return (
      <section className="sidebar__section" aria-label="Rooms">
        <NavLink to="/rooms" end className="sidebar__item">
          All rooms
        </NavLink>
      </section>
    );
  }
  return (
    <section className="sidebar__section" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading" className="sidebar__heading">
        My rooms
        <NavLink to="/rooms" end className="sidebar__heading-link">
          All rooms
        </NavLink>
      </h2>
      <ul className="sidebar__list" aria-label="My rooms">
        {items.map((room) => (
          <li key={room.id}>
            <NavLink
              to={`/rooms/${room.slug}`}
              className={`sidebar__item${muted.includes(room.id) ? ' sidebar__item--muted' : ''}`}
            >
              <span className="sidebar__hash" aria-hidden="true">
                #
              </span>
              <span className="sidebar__item-text">
                <span className="sidebar__item-title" title={`#${room.slug}`}>
                  {room.slug}
                </span>
              </span>
              {(room.mentionCount ?? 0) > 0 ? (
                <span className="badge badge--count badge--mention">
                  <span aria-hidden="true">@{room.mentionCount}</span>
                  <span className="visually-hidden">{mentionText(room.mentionCount)}</span>
                </span>
              ) : null}
              {muted.includes(room.id) ? <span className="visually-hidden">, muted</span> : null}
              {room.onlineCount > 0 ? (
                <span className="muted sidebar__count" aria-label={`${room.onlineCount} online`}>
                  {room.onlineCount}
                </span>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

function mentionText(count: number | undefined): string {
  if (!count) return '';
  return `, ${count} new ${count === 1 ? 'mention' : 'mentions'}`;
}
