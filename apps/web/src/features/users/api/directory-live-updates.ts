import type { LiveFeature } from '../../../lib/live-updates';
import { isUserInDirectory, updateCachedUser } from './directory-cache';
import { directoryQueryKey } from './list-users';

/** Online dots and profile edits arrive over the socket and are written into the cache. */
export const directoryLiveUpdates: LiveFeature = (queryClient) => {
  // A new sign-up is not in any cached page yet: refetch the directory.
  const refetch = () => void queryClient.invalidateQueries({ queryKey: directoryQueryKey });
  return {
    'user:online': ({ userId }) => {
      if (!isUserInDirectory(queryClient, userId)) return refetch();
      updateCachedUser(queryClient, userId, (user) => ({ ...user, online: true }));
    },
    'user:offline': ({ userId }) =>
      updateCachedUser(queryClient, userId, (user) => ({
        ...user,
        online: false,
        lastSeenAt: new Date().toISOString(),
      })),
    'user:updated': (next) => updateCachedUser(queryClient, next.id, () => next),
    connect: refetch,
  };
};
