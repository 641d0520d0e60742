import type { Session } from '../../features/auth/api/session';
import { useThreadLiveUpdates } from '../../features/threads/hooks/use-thread-live-updates';
import { useUnreadTitle } from '../../features/threads/hooks/use-unread-title';
import { useDirectoryLiveUpdates } from '../../features/users/hooks/use-directory-live-updates';
import { useSocket } from '../../lib/socket-context';
import { userIdOf } from '../session-identity';

/** Wires socket events into each feature's cached data; renders nothing. */
export function LiveUpdates({ session }: { session: Session | undefined }) {
  const socket = useSocket();
  const myUserId = userIdOf(session);
  useDirectoryLiveUpdates(socket);
  useThreadLiveUpdates(socket, myUserId);
  useUnreadTitle(myUserId !== undefined);
  return null;
}
