import type { GuestResponse } from '@chat/contracts';

// A guest has no refresh cookie, so the guest token is kept for the tab's lifetime instead.
const KEY = 'chat.guest';

export function saveGuest(guest: GuestResponse): void {
  sessionStorage.setItem(KEY, JSON.stringify(guest));
}

export function clearGuest(): void {
  sessionStorage.removeItem(KEY);
}

/** The stored guest, unless its token has expired (guest tokens last 24 hours). */
export function loadGuest(now = Date.now()): GuestResponse | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as GuestResponse;
    const expiresAt = tokenExpiry(stored.accessToken);
    if (expiresAt !== null && expiresAt <= now) {
      clearGuest();
      return null;
    }
    return stored;
  } catch {
    clearGuest();
    return null;
  }
}

/** The `exp` claim of a JWT in milliseconds, or null when it cannot be read. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}
