import type { Message, Thread } from '@chat/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ChatSocket } from '../../../lib/socket';
import { addThread, isKnownThread, recordThreadMessage, threadsKey } from '../api/threads';

/**
 * Private messages reach every socket of both people, open thread or not: the thread list's
 * preview and unread count follow them.
 */
export function useThreadLiveUpdates(
  socket: ChatSocket | null,
  myUserId: string | undefined,
): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket || !myUserId) return;
    const onMessage = (message: Message) => {
      if (isKnownThread(queryClient, message.conversationId)) {
        recordThreadMessage(queryClient, message, myUserId);
      }
    };
    const onThread = ({ thread }: { thread: Thread }) => addThread(queryClient, thread);
    // Whatever happened while disconnected is in the server's counts.
    const onConnect = () => void queryClient.invalidateQueries({ queryKey: threadsKey });
    socket.on('message:new', onMessage);
    socket.on('thread:new', onThread);
    socket.on('connect', onConnect);
    return () => {
      socket.off('message:new', onMessage);
      socket.off('thread:new', onThread);
      socket.off('connect', onConnect);
    };
  }, [socket, myUserId, queryClient]);
}
