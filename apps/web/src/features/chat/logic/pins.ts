import type { Message, PinnedList } from '@chat/contracts';

/**
 * The pinned list after a change of one message: a message pinned now goes to the top (the
 * newest pin first), one unpinned or deleted leaves, one changed otherwise (an edit, a reaction)
 * is replaced where it is. Changes older than what the list holds (`rev`) change nothing.
 */
export function applyPinChange(list: PinnedList, message: Message): PinnedList {
  const index = list.items.findIndex((item) => item.id === message.id);
  const held = index >= 0 ? list.items[index] : undefined;
  if (held && held.rev >= message.rev) return list;
  const pinned = message.pinned && message.deletedAt === null;
  if (!pinned) {
    return held ? { items: list.items.filter((item) => item.id !== message.id) } : list;
  }
  if (held) return { items: list.items.map((item) => (item.id === message.id ? message : item)) };
  return { items: [message, ...list.items] };
}
