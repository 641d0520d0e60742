import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ChatSocket, ConnectionStatus, SocketSession } from './socket';

export const SocketContext = createContext<SocketSession | null>(null);

/** The session's socket; null until the session is known. */
export function useSocket(): ChatSocket | null {
  return useContext(SocketContext)?.socket ?? null;
}

const noSubscription = () => () => undefined;

export function useConnectionStatus(): ConnectionStatus {
  const session = useContext(SocketContext);
  return useSyncExternalStore(
    session ? session.onStatus : noSubscription,
    () => session?.status() ?? 'connecting',
  );
}
