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
  // A demo user has no socket to be online with; posting is how it shows it is active.
  'message:new': (message) => {
    if (message.sender.kind !== 'user') return;
    updateCachedUser(queryClient, message.sender.id, (user) =>
      user.isDemo ? { ...user, lastSeenAt: message.createdAt } : user,
    );
  },
  // Whoever signed up or changed while disconnected is in the server's answer.
  connect: () => void queryClient.invalidateQueries({ queryKey: directoryQueryKey }),
});
