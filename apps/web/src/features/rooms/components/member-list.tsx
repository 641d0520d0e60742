import type { RoomDetails } from '@chat/contracts';
import { Link } from 'react-router';
import { useWatchPresence } from '../../../lib/presence-watch';
import { OnlineDot } from '../../users';

export function MemberList({ room }: { room: RoomDetails }) {
  useWatchPresence(room.members.map((member) => member.user.id));
  if (room.members.length === 0) return null;
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <ul className="plain-list">
        {room.members.map((member) => (
          <li key={member.user.id}>
            <Link to={`/u/${member.user.username}`}>{member.user.displayName}</Link>
            {member.role === 'owner' ? <span className="muted"> (owner)</span> : null}{' '}
            <OnlineDot online={member.user.online} />
          </li>
        ))}
      </ul>
    </section>
  );
}
