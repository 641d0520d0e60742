import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useSession, type Session } from '../features/auth/api/session';
import { useSessionExpiry } from '../features/auth/hooks/use-session-expiry';
import { ChatRuntimeProvider } from '../features/chat/components/chat-runtime-provider';
import { createQueryClient } from '../lib/query-client';
import { SocketProvider } from './socket-provider';

type AppProvidersProps = {
  children: ReactNode;
  queryClient?: QueryClient;
  /** Component tests run without a server to connect to. */
  withSocket?: boolean;
};

export function AppProviders({ children, queryClient, withSocket = true }: AppProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <SessionSocket enabled={withSocket}>{children}</SessionSocket>
    </QueryClientProvider>
  );
}

function SessionSocket({ children, enabled }: { children: ReactNode; enabled: boolean }) {
  useSessionExpiry();
  const session = useSession();
  const viewer = session.data ? identityOf(session.data) : null;
  useRefetchForNewViewer(viewer);
  const identity = enabled ? viewer : null;
  return (
    <SocketProvider identity={identity}>
      <ChatRuntimeProvider>{children}</ChatRuntimeProvider>
    </SocketProvider>
  );
}

/**
 * What the API answers can depend on who asks (room memberships, threads): when the viewer
 * changes (the session restored on boot, sign-in, sign-out), everything is asked again.
 */
function useRefetchForNewViewer(viewer: string | null): void {
  const queryClient = useQueryClient();
  const previous = useRef(viewer);
  useEffect(() => {
    if (previous.current === viewer) return;
    previous.current = viewer;
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  }, [viewer, queryClient]);
}

function identityOf(session: Session): string {
  if (session.kind === 'user') return `user:${session.user.id}`;
  if (session.kind === 'guest') return `guest:${session.guest.id}`;
  return 'visitor';
}
