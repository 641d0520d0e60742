import { useSession } from '../../features/auth/api/session';
import { GuestEntry } from '../../features/auth/components/guest-entry';

export function LobbyPage() {
  const session = useSession();
  return (
    <div className="page">
      <h1># general</h1>
      {session.data?.kind === 'visitor' ? <GuestEntry /> : null}
    </div>
  );
}
