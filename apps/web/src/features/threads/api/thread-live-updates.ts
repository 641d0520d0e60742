import { isConversationPresence } from '@chat/contracts';
import type { LiveFeature } from '../../../lib/live-updates';
import {
  addThread,
  isKnownThread,
  recordThreadMention,
  recordThreadMessage,
  setThreadPartnersOnline,
  threadsKey,
} from './threads';

/**
 * Private messages reach every socket of both people, open thread or not: the thread list's
 * preview and unread count follow them. Only a signed-in user has threads.
 */
export const threadLiveUpdates: LiveFeature = (queryClient, { userId }) => {
  if (!userId) return {};
  return {
    'message:new': (message) => {
      if (isKnownThread(queryClient, message.conversationId)) {
        recordThreadMessage(queryClient, message, userId);
      }
    },
    'mention:new': ({ message }) => {
      if (isKnownThread(queryClient, message.conversationId)) {
        recordThreadMention(queryClient, message);
      }
    },
    'thread:new': ({ thread }) => addThread(queryClient, thread),
    'presence:changed': (change) => {
      if (!isConversationPresence(change)) {
        setThreadPartnersOnline(queryClient, change.online, change.offline);
      }
    },
    // Whatever happened while disconnected is in the server's counts.
    connect: () => void queryClient.invalidateQueries({ queryKey: threadsKey }),
  };
};
