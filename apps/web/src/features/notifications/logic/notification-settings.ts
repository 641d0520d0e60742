import { useCallback, useSyncExternalStore } from 'react';

/**
 * The notification sound, off unless the person turns it on, kept per account in this browser
 * (`chat.notify-sound.<userId>`: "on" or absent).
 */
const keyOf = (userId: string) => `chat.notify-sound.${userId}`;
const listeners = new Set<() => void>();

export function soundOn(userId: string | undefined): boolean {
  if (!userId) return false;
  try {
    return localStorage.getItem(keyOf(userId)) === 'on';
  } catch {
    return false;
  }
}

export function setSoundOn(userId: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(keyOf(userId), 'on');
    else localStorage.removeItem(keyOf(userId));
  } catch {
    // Not kept.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

export function useSoundOn(userId: string | undefined): boolean {
  const get = useCallback(() => soundOn(userId), [userId]);
  return useSyncExternalStore(subscribe, get);
}
