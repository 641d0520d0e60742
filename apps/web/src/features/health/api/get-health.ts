import type { Health } from '@chat/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';

/** Health answers 503 with a body when a check is down; both mean "we heard from the server". */
export async function getHealth(): Promise<Health> {
  const response = await fetch('/api/health', { headers: { Accept: 'application/json' } });
  if (response.status !== 200 && response.status !== 503) {
    throw new Error(`Health check failed (${response.status})`);
  }
  return (await response.json()) as Health;
}

export const healthQueryOptions = queryOptions({
  queryKey: ['health'],
  queryFn: getHealth,
  refetchInterval: 30_000,
  retry: false,
});

export function useHealth() {
  return useQuery(healthQueryOptions);
}
