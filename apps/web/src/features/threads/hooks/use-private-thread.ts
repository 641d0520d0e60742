import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { addThread, markThreadRead, threadsKey, useOpenThread } from '../api/threads';

/**
 * The private thread with a user, opened (and created if need be) once `userId` is given; it
 * joins the thread list, and `onRead` clears its unread count.
 */
export function usePrivateThread(userId: string | undefined) {
  const thread = useOpenThread(userId);
  const queryClient = useQueryClient();

  useEffect(() => {
    if (thread.data) addThread(queryClient, thread.data);
  }, [thread.data, queryClient]);

  const threadId = thread.data?.id;
  const onRead = useCallback(() => {
    if (!threadId) return;
    markThreadRead(queryClient, threadId);
    // A thread list on its way may have been counted before the marker landed: ask again (a
    // first fetch is not restarted by invalidation, so cancel it and fetch anew).
    if (queryClient.isFetching({ queryKey: threadsKey }) > 0) {
      void queryClient
        .cancelQueries({ queryKey: threadsKey })
        .then(() => queryClient.refetchQueries({ queryKey: threadsKey }));
    }
  }, [threadId, queryClient]);

  return { thread, onRead };
}
