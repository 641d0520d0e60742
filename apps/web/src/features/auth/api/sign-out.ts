import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setAccessToken } from '../../../lib/api-client';
import { clearGuest } from './guest-storage';
import { VISITOR, setSession } from './session';

export function logout(): Promise<void> {
  return apiRequest<void>('/api/auth/logout', { method: 'POST' });
}

/** Signs out locally even when the server cannot be reached: the cookie then simply expires. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (kind: 'user' | 'guest') => {
      if (kind === 'user') await logout().catch(() => undefined);
    },
    onSettled: () => {
      clearGuest();
      setAccessToken(null);
      // Everything else cached was fetched as the old identity.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      setSession(queryClient, VISITOR);
    },
  });
}
