import { useEffect, useState, type ReactNode } from 'react';
import { expireSession } from '../lib/api-client';
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
  const [session, setSession] = useState<SocketSession | null>(null);

  useEffect(() => {
    if (identity === null) return;
    const next = createSocketSession({ onAuthFailed: expireSession });
    setSession(next);
    return () => {
      next.close();
      setSession(null);
    };
  }, [identity]);

  return <SocketContext.Provider value={session}>{children}</SocketContext.Provider>;
}
