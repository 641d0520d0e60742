import { isConversationPresence } from '@chat/contracts';
import type { LiveFeature } from '../../../lib/live-updates';
import {
  addThread,
  isKnownThread,
  recordThreadMention,
  recordThreadMessage,
  removeThread,
  setThreadPartnersOnline,
  threadRemovalKey,
  threadsKey,
} from './threads';

/**
 * Private and group messages reach every socket of their members, open or not: the thread
 * list's preview and unread count follow them. Only a signed-in user has threads.
 */
export const threadLiveUpdates: LiveFeature = (queryClient, { userId }) => {
  if (!userId) return {};
  return {
    'message:new': (message) => {
      if (isKnownThread(queryClient, message.conversationId)) {
        recordThreadMessage(queryClient, message, userId);
        // A group's system lines (added, renamed, left) change its name or members.
        if (message.kind === 'system') void queryClient.invalidateQueries({ queryKey: threadsKey });
      }
    },
    'mention:new': ({ message }) => {
      if (isKnownThread(queryClient, message.conversationId)) {
        recordThreadMention(queryClient, message);
      }
    },
    'thread:new': ({ thread }) => addThread(queryClient, thread),
    // Out of a group (left in another tab): it leaves the list, and an open view says so.
    'conversation:removed': ({ conversationId, reason }) => {
      if (!isKnownThread(queryClient, conversationId)) return;
      removeThread(queryClient, conversationId);
      queryClient.setQueryData(threadRemovalKey(conversationId), reason);
    },
    'presence:changed': (change) => {
      if (!isConversationPresence(change)) {
        setThreadPartnersOnline(queryClient, change.online, change.offline);
      }
    },
    // Whatever happened while disconnected is in the server's counts.
    connect: () => void queryClient.invalidateQueries({ queryKey: threadsKey }),
  };
};
