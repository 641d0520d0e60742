import type { PresenceUser } from '@chat/contracts';
import { Avatar } from '../../../components/avatar';

/** Who has this conversation open right now (one entry per person, not per tab). */
export function WhosHere({ users }: { users: PresenceUser[] }) {
  const sorted = [...users].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <section className="whos-here" aria-labelledby="whos-here-heading">
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
