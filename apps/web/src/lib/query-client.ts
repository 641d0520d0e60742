import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

/** Live data arrives over the socket, so queries do not refetch on focus; 4xx never retries. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => {
          if (isApiError(error) && error.status < 500) return false;
          return failures < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
