import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useSession, useSessionExpiry, type Session } from '../features/auth';
import { createQueryClient } from '../lib/query-client';
import { LiveUpdates } from './live-updates';
import { userIdOf } from './session-identity';

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
    <LiveUpdates identity={identity} userId={userIdOf(session.data)}>
      {children}
    </LiveUpdates>
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
