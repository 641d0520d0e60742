import type { Session } from '../../features/auth/api/session';
import { useDirectoryLiveUpdates } from '../../features/users/hooks/use-directory-live-updates';
import { useSocket } from '../../lib/socket-context';

/** Wires socket events into each feature's cached data; renders nothing. */
export function LiveUpdates({ session }: { session: Session | undefined }) {
  const socket = useSocket();
  useDirectoryLiveUpdates(socket);
  void session;
  return null;
}
