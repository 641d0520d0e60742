import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onSessionExpired } from '../../../lib/api-client';
import { clearGuest } from '../api/guest-storage';
import { VISITOR, setSession } from '../api/session';

/** When the API client cannot refresh any more, the app falls back to a visitor. */
export function useSessionExpiry(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onSessionExpired(() => {
        clearGuest();
        setSession(queryClient, VISITOR);
      }),
    [queryClient],
  );
}
