import type { PublicUser } from '@chat/contracts';

/** As the API's directory: a demo user who posted this recently is active (it has no socket). */
export const ACTIVE_WINDOW_MS = 5 * 60_000;

export type Presence = 'online' | 'active' | 'offline';

export function presenceOf(user: PublicUser, now: number): Presence {
  if (user.online) return 'online';
  const seen = user.lastSeenAt ? Date.parse(user.lastSeenAt) : NaN;
  return user.isDemo && now - seen < ACTIVE_WINDOW_MS ? 'active' : 'offline';
}

const RANK: Record<Presence, number> = { online: 0, active: 1, offline: 2 };

/**
 * The directory as it is now: the server's order (online, active, offline, each by name) was
 * right when the page was fetched; presence changes since then move people between the groups
 * at once, keeping the server's order inside each group.
 */
export function directoryOrder(users: readonly PublicUser[], now: number): PublicUser[] {
  return users
    .map((user, index) => ({ user, index, rank: RANK[presenceOf(user, now)] }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ user }) => user);
}
