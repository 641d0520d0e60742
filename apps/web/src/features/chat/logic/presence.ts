import type { ConversationPresenceChanged, PresenceUser } from '@chat/contracts';

/**
 * Who has a conversation open: the exact `count` and some of them (the server lists at most
 * `LIMITS.presenceListedMax`, so in a busy general `users` is a sample and `count` the truth).
 */
export type ConversationPresence = { users: PresenceUser[]; count: number };

export const NOBODY_PRESENT: ConversationPresence = { users: [], count: 0 };

/** One coalesced frame applied: who left goes, who came is listed once, the count is the frame's. */
export function applyPresenceChange(
  present: ConversationPresence,
  { joined, left, count }: ConversationPresenceChanged,
): ConversationPresence {
  const gone = new Set([...left, ...joined.map((u) => u.id)]);
  const users = [...present.users.filter((u) => !gone.has(u.id)), ...joined];
  // A list never claims more people than the count (a frame may list fewer than came).
  return { users: users.slice(0, Math.max(count, 0)), count };
}
