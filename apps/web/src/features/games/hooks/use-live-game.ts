import type { Message } from '@chat/contracts';
import { useEffect, useState } from 'react';
import { useSocket } from '../../../lib/socket-context';

/**
 * The game message as it is now: the copy the message list holds, or a newer one (a higher
 * `rev`) from `message:updated` or from our own move's ack. The board listens for its own
 * message, so it is live whatever the message list does with updates.
 */
export function useLiveGame(message: Message): [Message, (next: Message) => void] {
  const socket = useSocket();
  const [latest, setLatest] = useState(message);
  const keepNewest = (next: Message) =>
    setLatest((current) => (next.id === current.id && next.rev > current.rev ? next : current));

  useEffect(() => keepNewest(message), [message]);
  useEffect(() => {
    if (!socket) return;
    const onUpdated = (updated: Message) => {
      if (updated.id === message.id) keepNewest(updated);
    };
    socket.on('message:updated', onUpdated);
    return () => {
      socket.off('message:updated', onUpdated);
    };
  }, [socket, message.id]);
  return [latest, keepNewest];
}
