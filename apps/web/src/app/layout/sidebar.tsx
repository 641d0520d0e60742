import { NavLink } from 'react-router';
import type { Session } from '../../features/auth/api/session';
import { UserDirectory } from '../../features/users/components/user-directory';

export function Sidebar({ session }: { session: Session | undefined }) {
  const myUserId = session?.kind === 'user' ? session.user.id : undefined;
  return (
    <div className="sidebar__content">
      <nav aria-label="Conversations" className="sidebar__section">
        <NavLink to="/" end className="sidebar__item">
          <span className="sidebar__hash" aria-hidden="true">
            #
          </span>
          <span className="sidebar__item-title">general</span>
        </NavLink>
      </nav>
      <UserDirectory myUserId={myUserId} />
    </div>
  );
}
