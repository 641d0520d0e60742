import { isConversationPresence } from '@chat/contracts';
import type { LiveFeature } from '../../../lib/live-updates';
import { updateCachedUser } from './directory-cache';
import { directoryQueryKey } from './list-users';

/**
 * Online dots of the users on screen (watched, see lib/presence-watch) and profile edits of
 * those users arrive over the socket and are written into the cache.
 */
export const directoryLiveUpdates: LiveFeature = (queryClient) => ({
  'presence:changed': (change) => {
    if (isConversationPresence(change)) return;
    for (const userId of change.online) {
      updateCachedUser(queryClient, userId, (user) => ({ ...user, online: true }));
    }
    for (const userId of change.offline) {
      updateCachedUser(queryClient, userId, (user) =>
        user.online ? { ...user, online: false, lastSeenAt: new Date().toISOString() } : user,
      );
    }
  },
  'user:updated': (next) => updateCachedUser(queryClient, next.id, () => next),
  // Whoever signed up or changed while disconnected is in the server's answer.
  connect: () => void queryClient.invalidateQueries({ queryKey: directoryQueryKey }),
});
