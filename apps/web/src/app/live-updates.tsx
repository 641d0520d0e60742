import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { ChatRuntime, ChatRuntimeContext, localOutboxStore } from '../features/chat';
import { roomLiveUpdates } from '../features/rooms';
import { threadLiveUpdates } from '../features/threads';
import { directoryLiveUpdates } from '../features/users';
import { expireSession } from '../lib/api-client';
import { listen, type LiveFeature } from '../lib/live-updates';
import { PresenceWatch, PresenceWatchContext } from '../lib/presence-watch';
import { Slot } from '../lib/slot';
import { createSocketSession, type SocketSession } from '../lib/socket';
import { SocketContext } from '../lib/socket-context';

/** Every feature whose cached data follows the socket; chat's runtime joins them per socket. */
const LIVE_FEATURES: readonly LiveFeature[] = [
  directoryLiveUpdates,
  threadLiveUpdates,
  roomLiveUpdates,
];

type Live = { session: SocketSession; chat: ChatRuntime; watch: PresenceWatch };

/**
 * The one place socket events reach the query cache. One socket per identity: it is opened once
 * the session is known and replaced when someone signs in, enters as a guest or signs out
 * (`identity` changes). With it come the ChatRuntime (joins, outbox, presence) and every
 * feature's handlers, put on the socket together and taken off together.
 */
export function LiveUpdates({
  identity,
  userId,
  children,
}: {
  identity: string | null;
  userId: string | undefined;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [slot] = useState(() => new Slot<Live>());

  useEffect(() => {
    if (identity === null) return;
    const session = createSocketSession({ onAuthFailed: expireSession });
    const chat = new ChatRuntime(session.socket, queryClient, localOutboxStore(identity));
    // Closing the tab keeps unsent messages for the next start; the browser still asks first.
    const warnUnsent = (event: BeforeUnloadEvent) => {
      if (chat.hasUnsent()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warnUnsent);
    const viewer = { userId };
    const handlers = [
      chat.liveHandlers(),
      ...LIVE_FEATURES.map((feature) => feature(queryClient, viewer)),
    ];
    const stop = listen(session.socket, handlers);
    // The answer to a watch says the same as a presence:changed frame; the same handlers take it.
    const watch = new PresenceWatch(session.socket, (change) => {
      for (const set of handlers) set['presence:changed']?.(change);
    });
    slot.set({ session, chat, watch });
    return () => {
      slot.set(null);
      window.removeEventListener('beforeunload', warnUnsent);
      stop();
      watch.dispose();
      chat.dispose();
      session.close();
    };
  }, [identity, userId, queryClient, slot]);

  const live = useSyncExternalStore(slot.subscribe, slot.get);
  return (
    <SocketContext value={live?.session ?? null}>
      <ChatRuntimeContext value={live?.chat ?? null}>
        <PresenceWatchContext value={live?.watch ?? null}>{children}</PresenceWatchContext>
      </ChatRuntimeContext>
    </SocketContext>
  );
}
