import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { addThread, markThreadRead, useOpenThread } from '../api/threads';

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
    if (threadId) markThreadRead(queryClient, threadId);
  }, [threadId, queryClient]);

  return { thread, onRead };
}
