import type { Message, PublicUser, UserPage } from '@chat/contracts';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { directoryOrder } from '../logic/directory-order';
import { directoryLiveUpdates } from './directory-live-updates';
import { directoryQueryKey } from './list-users';

const user = (id: string, overrides: Partial<PublicUser> = {}): PublicUser => ({
  id,
  username: id,
  displayName: id,
  bio: '',
  avatarColor: '#2563eb',
  location: '',
  online: false,
  lastSeenAt: null,
  isDemo: false,
  ...overrides,
});

function directoryWith(users: PublicUser[]) {
  const queryClient = new QueryClient();
  const key = [...directoryQueryKey, ''];
  queryClient.setQueryData<InfiniteData<UserPage>>(key, {
    pages: [{ items: users, nextCursor: null }],
    pageParams: [undefined],
  });
  const handlers = directoryLiveUpdates(queryClient, { userId: undefined });
  const shown = () =>
    directoryOrder(
      queryClient.getQueryData<InfiniteData<UserPage>>(key)!.pages.flatMap((p) => p.items),
      Date.now(),
    ).map((u) => u.id);
  return { handlers, shown };
}

describe('directory live updates', () => {
  it('moves someone who comes online to the top at once, above offline demo users', () => {
    const { handlers, shown } = directoryWith([
      user('ada', { online: true }),
      user('demo-bea', { isDemo: true }),
      user('zoe'),
    ]);
    handlers['presence:changed']!({ online: ['zoe'], offline: [] });
    expect(shown()).toEqual(['ada', 'zoe', 'demo-bea']);
    handlers['presence:changed']!({ online: [], offline: ['ada'] });
    expect(shown()).toEqual(['zoe', 'ada', 'demo-bea']);
  });

  it('shows a demo user who posts as active, above the offline people', () => {
    const { handlers, shown } = directoryWith([user('bob'), user('demo-bea', { isDemo: true })]);
    handlers['message:new']!({
      sender: { id: 'demo-bea', kind: 'user', name: 'demo-bea' },
      createdAt: new Date().toISOString(),
    } as Message);
    expect(shown()).toEqual(['demo-bea', 'bob']);
  });
});
