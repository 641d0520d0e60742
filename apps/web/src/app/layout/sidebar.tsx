import { NavLink } from 'react-router';
import type { Session } from '../../features/auth';
import { RoomsNav } from '../../features/rooms';
import { ThreadList } from '../../features/threads';
import { UserDirectory } from '../../features/users';
import { userIdOf } from '../session-identity';

export function Sidebar({ session }: { session: Session | undefined }) {
  const myUserId = userIdOf(session);
  return (
    <div className="sidebar__content">
      <nav aria-label="Conversations" className="sidebar__nav">
        <section className="sidebar__section">
          <NavLink to="/" end className="sidebar__item">
            <span className="sidebar__hash" aria-hidden="true">
              #
            </span>
            <span className="sidebar__item-title">general</span>
          </NavLink>
        </section>
        <RoomsNav signedIn={myUserId !== undefined} />
        {myUserId ? <ThreadList myUserId={myUserId} /> : null}
      </nav>
      <UserDirectory myUserId={myUserId} />
    </div>
  );
}
