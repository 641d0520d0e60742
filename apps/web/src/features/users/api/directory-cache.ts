import type { PublicUser, UserPage } from '@chat/contracts';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { directoryQueryKey } from './list-users';

/** Applies a change to every cached copy of a user: directory pages and profiles. */
export function updateCachedUser(
  queryClient: QueryClient,
  userId: string,
  update: (user: PublicUser) => PublicUser,
): void {
  queryClient.setQueriesData<InfiniteData<UserPage>>({ queryKey: directoryQueryKey }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((user) => (user.id === userId ? update(user) : user)),
          })),
        }
      : data,
  );
  queryClient.setQueriesData<PublicUser>({ queryKey: ['users', 'profile'] }, (user) =>
    user && user.id === userId ? update(user) : user,
  );
}

export function isUserInDirectory(queryClient: QueryClient, userId: string): boolean {
  return queryClient
    .getQueriesData<InfiniteData<UserPage>>({ queryKey: directoryQueryKey })
    .some(([, data]) => data?.pages.some((page) => page.items.some((user) => user.id === userId)));
}
