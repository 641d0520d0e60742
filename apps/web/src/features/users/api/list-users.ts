import { LIMITS, type UserPage } from '@chat/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function listUsers(params: {
  q?: string;
  cursor?: string;
  limit?: number;
}): Promise<UserPage> {
  return apiRequest<UserPage>('/api/users', { query: params });
}

export const directoryQueryKey = ['users', 'directory'] as const;

/**
 * Presence is watched only for the rows on screen (lib/presence-watch), so someone further down
 * who comes online is only learnt of from the server: the pages are fetched again now and then.
 */
const DIRECTORY_REFRESH_MS = 30_000;

export function directoryQueryOptions(q: string) {
  return infiniteQueryOptions({
    refetchInterval: DIRECTORY_REFRESH_MS,
    queryKey: [...directoryQueryKey, q],
    queryFn: ({ pageParam }) =>
      listUsers({ q: q || undefined, cursor: pageParam, limit: LIMITS.directoryPageDefault }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useDirectory(q: string) {
  return useInfiniteQuery(directoryQueryOptions(q));
}
