import { Avatar } from '../../../components/avatar';
import type { ConversationPresence } from '../logic/presence';

/** Who has this conversation open right now (one entry per person, not per tab). */
export function WhosHere({
  present,
  id,
  open = false,
}: {
  present: ConversationPresence;
  id?: string;
  /** Shown on a narrow screen (always shown on a wide one). */
  open?: boolean;
}) {
  const sorted = [...present.users].sort((a, b) => a.displayName.localeCompare(b.displayName));
  // In a crowded conversation the server lists some of those here; the count is all of them.
  const unlisted = present.count - sorted.length;
  return (
    <section
      id={id}
      className={`whos-here${open ? ' whos-here--open' : ''}`}
      aria-labelledby="whos-here-heading"
    >
      <h2 id="whos-here-heading">Who’s here ({present.count})</h2>
      <ul aria-label="Who’s here">
        {sorted.map((user) => (
          <li key={user.id} className="whos-here__person">
            <Avatar name={user.displayName} color={user.avatarColor} size="small" />
            <span>{user.displayName}</span>
            {user.username ? null : <span className="badge">guest</span>}
          </li>
        ))}
      </ul>
      {unlisted > 0 ? <p className="muted whos-here__more">and {unlisted} more</p> : null}
    </section>
  );
}
