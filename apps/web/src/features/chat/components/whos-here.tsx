import type { PresenceUser } from '@chat/contracts';
import { Avatar } from '../../../components/avatar';

/** Who has this conversation open right now (one entry per person, not per tab). */
export function WhosHere({
  users,
  id,
  open = false,
}: {
  users: PresenceUser[];
  id?: string;
  /** Shown on a narrow screen (always shown on a wide one). */
  open?: boolean;
}) {
  const sorted = [...users].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <section
      id={id}
      className={`whos-here${open ? ' whos-here--open' : ''}`}
      aria-labelledby="whos-here-heading"
    >
      <h2 id="whos-here-heading">Who’s here ({sorted.length})</h2>
      <ul aria-label="Who’s here">
        {sorted.map((user) => (
          <li key={user.id} className="whos-here__person">
            <Avatar name={user.displayName} color={user.avatarColor} size="small" />
            <span>{user.displayName}</span>
            {user.username ? null : <span className="badge">guest</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
