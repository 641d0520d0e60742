import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { expireSession } from '../lib/api-client';
import { Slot } from '../lib/slot';
import { createSocketSession, type SocketSession } from '../lib/socket';
import { SocketContext } from '../lib/socket-context';

/**
 * One socket per identity: it is opened once the session is known and replaced when someone
 * signs in, enters as a guest or signs out (`identity` changes).
 */
export function SocketProvider({
  identity,
  children,
}: {
  identity: string | null;
  children: ReactNode;
}) {
  const [slot] = useState(() => new Slot<SocketSession>());

  useEffect(() => {
    if (identity === null) return;
    const session = createSocketSession({ onAuthFailed: expireSession });
    slot.set(session);
    return () => {
      slot.set(null);
      session.close();
    };
  }, [identity, slot]);

  const session = useSyncExternalStore(slot.subscribe, slot.get);
  return <SocketContext.Provider value={session}>{children}</SocketContext.Provider>;
}
