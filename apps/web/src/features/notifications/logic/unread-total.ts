/** One conversation's counts as the lists hold them. */
export interface UnreadCounts {
  id: string;
  unread?: number;
  mentionCount?: number;
}

/**
 * The number in the tab title: unread messages of my threads, groups and rooms, plus my mentions
 * in general (which has no read count of its own), leaving out muted conversations. A list's
 * mention count can run ahead of its unread count (a mention in a room or group not open here
 * arrives alone, as `mention:new`), so each conversation counts the larger of the two.
 */
export function unreadTotal(
  conversations: readonly UnreadCounts[],
  general: { id: string | undefined; mentions: number },
  muted: readonly string[],
): number {
  const silent = new Set(muted);
  let total = 0;
  for (const item of conversations) {
    if (!silent.has(item.id)) total += Math.max(item.unread ?? 0, item.mentionCount ?? 0);
  }
  if (general.id === undefined || !silent.has(general.id)) total += general.mentions;
  return total;
}

export const BASE_TITLE = 'Chat';

export function titleWithCount(count: number): string {
  return count > 0 ? `(${count}) ${BASE_TITLE}` : BASE_TITLE;
}
