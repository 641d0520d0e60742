import type { ServerToClientEvents } from '@chat/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { Socket } from 'socket.io-client';
import type { ChatSocket } from './socket';

/** What a feature does when the socket says something: one function per event it cares about. */
export type LiveHandlers = Partial<ServerToClientEvents> & {
  connect?: () => void;
  disconnect?: (reason: Socket.DisconnectReason) => void;
};

/** Who the live updates are for: some caches only exist for a signed-in user. */
export interface LiveViewer {
  userId: string | undefined;
}

/** A feature's part of the live updates: how socket events change its cached data. */
export type LiveFeature = (queryClient: QueryClient, viewer: LiveViewer) => LiveHandlers;

type Listener = (...args: never[]) => void;
type EventTarget = {
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
};

/**
 * Puts every handler on the socket in one loop; the returned function takes the same handlers
 * off again. Every listener on server events goes through here.
 */
export function listen(socket: ChatSocket, handlers: readonly LiveHandlers[]): () => void {
  const target = socket as unknown as EventTarget;
  const entries = handlers.flatMap((set) =>
    Object.entries(set).filter((entry): entry is [string, Listener] => entry[1] !== undefined),
  );
  for (const [event, listener] of entries) target.on(event, listener);
  return () => {
    for (const [event, listener] of entries) target.off(event, listener);
  };
}
