import type { PublicUser } from '@chat/contracts';
import type { ReactNode } from 'react';
import { Avatar } from '../../../components/avatar';
import { useWatchPresence } from '../../../lib/presence-watch';

/**
 * Who the private thread is with: avatar, name, whether they are online now (watched, so it
 * follows them coming and going), handle, location and bio; and what the page puts beside them.
 */
export function ThreadHeader({ user, children }: { user: PublicUser; children?: ReactNode }) {
  useWatchPresence([user.id]);
  return (
    <header className="conversation__header">
      <div className="thread-header">
        <Avatar name={user.displayName} color={user.avatarColor} />
        <div>
          <h1>{user.displayName}</h1>
          <p className="thread-header__presence">
            <span
              className={`online-dot${user.online ? ' online-dot--on' : ''}`}
              aria-hidden="true"
            />
            {user.online ? 'Online' : 'Offline'}
          </p>
          <p className="muted conversation__topic">
            @{user.username}
            {user.location ? ` · ${user.location}` : ''}
            {user.bio ? ` · ${user.bio}` : ''}
          </p>
        </div>
      </div>
      {children}
    </header>
  );
}
