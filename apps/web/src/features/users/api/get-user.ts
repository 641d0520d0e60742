import type { PublicUser } from '@chat/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function getUser(username: string): Promise<PublicUser> {
  return apiRequest<PublicUser>(`/api/users/${encodeURIComponent(username)}`);
}

export const userQueryKey = (username: string) =>
  ['users', 'profile', username.toLowerCase()] as const;

export function userQueryOptions(username: string) {
  return queryOptions({ queryKey: userQueryKey(username), queryFn: () => getUser(username) });
}

export function useUser(username: string) {
  return useQuery(userQueryOptions(username));
}
