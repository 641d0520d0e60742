import type { PublicUser, ServerToClientEvents, UserIdPayload } from '@chat/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ChatSocket } from '../../../lib/socket';
import { isUserInDirectory, updateCachedUser } from '../api/directory-cache';
import { directoryQueryKey } from '../api/list-users';

/** Online dots and profile edits arrive over the socket and are written into the cache. */
export function useDirectoryLiveUpdates(socket: ChatSocket | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    // A new sign-up is not in any cached page yet: refetch the directory.
    const refetch = () => void queryClient.invalidateQueries({ queryKey: directoryQueryKey });
    const online = ({ userId }: UserIdPayload) => {
      if (!isUserInDirectory(queryClient, userId)) return refetch();
      updateCachedUser(queryClient, userId, (user) => ({ ...user, online: true }));
    };
    const offline = ({ userId }: UserIdPayload) =>
      updateCachedUser(queryClient, userId, (user) => ({
        ...user,
        online: false,
        lastSeenAt: new Date().toISOString(),
      }));
    const updated: ServerToClientEvents['user:updated'] = (next: PublicUser) =>
      updateCachedUser(queryClient, next.id, () => next);

    socket.on('user:online', online);
    socket.on('user:offline', offline);
    socket.on('user:updated', updated);
    socket.on('connect', refetch);
    return () => {
      socket.off('user:online', online);
      socket.off('user:offline', offline);
      socket.off('user:updated', updated);
      socket.off('connect', refetch);
    };
  }, [socket, queryClient]);
}
