import { useCallback, useSyncExternalStore } from 'react';

/**
 * Which conversations a person has muted, kept in this browser's localStorage per account
 * (`chat.muted.<userId>`: an array of conversation ids). Shared by the headers (the toggle), the
 * sidebar and the tab title (dimmed, not counted) and the notifications (none, no sound). Other
 * tabs follow through the `storage` event.
 */
const keyOf = (userId: string) => `chat.muted.${userId}`;
const listeners = new Set<() => void>();
// One snapshot per user, so useSyncExternalStore sees the same array until something changes.
const snapshots = new Map<string, readonly string[]>();

function read(userId: string): readonly string[] {
  const held = snapshots.get(userId);
  if (held) return held;
  let ids: readonly string[] = [];
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyOf(userId)) ?? '[]');
    if (Array.isArray(parsed)) ids = parsed.filter((id): id is string => typeof id === 'string');
  } catch {
    // Private mode or a broken value: nothing muted.
  }
  snapshots.set(userId, ids);
  return ids;
}

function changed(): void {
  snapshots.clear();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('storage', changed);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', changed);
  };
}

const NONE: readonly string[] = [];

export function mutedConversations(userId: string | undefined): readonly string[] {
  return userId ? read(userId) : NONE;
}

export function isMuted(userId: string | undefined, conversationId: string): boolean {
  return mutedConversations(userId).includes(conversationId);
}

export function setMuted(userId: string, conversationId: string, muted: boolean): void {
  const others = read(userId).filter((id) => id !== conversationId);
  const next = muted ? [...others, conversationId] : others;
  try {
    if (next.length === 0) localStorage.removeItem(keyOf(userId));
    else localStorage.setItem(keyOf(userId), JSON.stringify(next));
  } catch {
    // Not kept; it still holds for this page.
  }
  snapshots.set(userId, next);
  for (const listener of listeners) listener();
}

/** The muted conversation ids of this person, live. */
export function useMutedConversations(userId: string | undefined): readonly string[] {
  const get = useCallback(() => mutedConversations(userId), [userId]);
  return useSyncExternalStore(subscribe, get);
}
