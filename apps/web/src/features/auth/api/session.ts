import type { Guest, OwnProfile } from '@chat/contracts';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { apiRequest, refreshAccessToken, setAccessToken } from '../../../lib/api-client';
import { loadGuest } from './guest-storage';

/** Who is using the app: a signed-in user, a guest, or a visitor who may only read. */
export type Session =
  { kind: 'visitor' } | { kind: 'user'; user: OwnProfile } | { kind: 'guest'; guest: Guest };

export const VISITOR: Session = { kind: 'visitor' };

export const sessionQueryKey = ['session'] as const;

/**
 * Restores the session on boot: a guest from this tab's storage, otherwise a user through the
 * refresh cookie, otherwise a visitor.
 */
export async function restoreSession(): Promise<Session> {
  const guest = loadGuest();
  if (guest) {
    setAccessToken(guest.accessToken);
    return { kind: 'guest', guest: guest.guest };
  }
  const token = await refreshAccessToken();
  if (!token) return VISITOR;
  try {
    const user = await apiRequest<OwnProfile>('/api/users/me');
    return { kind: 'user', user };
  } catch {
    setAccessToken(null);
    return VISITOR;
  }
}

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: restoreSession,
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}

export function setSession(queryClient: QueryClient, session: Session): void {
  queryClient.setQueryData(sessionQueryKey, session);
}

/** Keeps the cached own profile in step after an edit. */
export function setOwnProfile(queryClient: QueryClient, user: OwnProfile): void {
  queryClient.setQueryData<Session>(sessionQueryKey, (current) =>
    current?.kind === 'user' ? { kind: 'user', user } : current,
  );
}
