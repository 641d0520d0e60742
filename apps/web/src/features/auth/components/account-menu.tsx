import { Link } from 'react-router';
import { Avatar } from '../../../components/avatar';
import { useSignOut } from '../api/sign-out';
import type { Session } from '../api/session';

/** The header's corner: who you are and how to leave, or how to get in. */
export function AccountMenu({ session }: { session: Session }) {
  const signOut = useSignOut();
  if (session.kind === 'visitor') {
    return (
      <div className="app-header__account">
        <Link to="/login">Log in</Link>
        <Link to="/signup" className="button button--primary button--small">
          Sign up
        </Link>
      </div>
    );
  }
  const name = session.kind === 'user' ? session.user.displayName : session.guest.name;
  return (
    <div className="app-header__account">
      {session.kind === 'user' ? (
        <Link to="/me" className="account-chip" aria-label={`Your profile: ${name}`}>
          <Avatar name={name} color={session.user.avatarColor} size="small" />
          <span className="account-chip__name">{name}</span>
        </Link>
      ) : (
        <span className="account-chip">
          <span className="account-chip__name">{name}</span>
          <span className="badge">guest</span>
        </span>
      )}
      {session.kind === 'guest' ? (
        <Link to="/signup" className="button button--primary button--small">
          Sign up
        </Link>
      ) : null}
      <button
        type="button"
        className="button--small"
        onClick={() => signOut.mutate(session.kind)}
        disabled={signOut.isPending}
      >
        Sign out
      </button>
    </div>
  );
}
