import type { PublicUser } from '@chat/contracts';
import { Avatar } from '../../../components/avatar';
import { OnlineDot } from '../../users';

/** Who the private thread is with: avatar, name with online dot, handle, location and bio. */
export function ThreadHeader({ user }: { user: PublicUser }) {
  return (
    <header className="conversation__header">
      <div className="thread-header">
        <Avatar name={user.displayName} color={user.avatarColor} />
        <div>
          <h1>
            {user.displayName} <OnlineDot online={user.online} />
          </h1>
          <p className="muted conversation__topic">
            @{user.username}
            {user.location ? ` · ${user.location}` : ''}
            {user.bio ? ` · ${user.bio}` : ''}
          </p>
        </div>
      </div>
    </header>
  );
}
