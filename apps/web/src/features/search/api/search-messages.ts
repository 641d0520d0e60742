import { LIMITS, type SearchResult } from '@chat/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function searchMessages(q: string, cursor?: string): Promise<SearchResult> {
  return apiRequest<SearchResult>('/api/search', {
    query: { q, cursor, limit: LIMITS.searchPageDefault },
  });
}

export function searchQueryOptions(q: string) {
  return infiniteQueryOptions({
    queryKey: ['search', q],
    queryFn: ({ pageParam }) => searchMessages(q, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: q.trim().length > 0,
    // Messages change; a search opened again asks again.
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
  });
}

/** The pages of one search, newest hits first; "more" fetches the next page. */
export function useSearchMessages(q: string) {
  return useInfiniteQuery(searchQueryOptions(q));
}
