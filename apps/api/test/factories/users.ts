import type { AuthResponse } from '@chat/contracts';
import { randomBytes } from 'node:crypto';
import type { HttpClient } from '../support/http-client.js';

export interface SignedUpUser extends AuthResponse {
  password: string;
  /** The `rt=…` cookie pair, ready for a Cookie header. */
  refreshCookie: string;
}

export const uniqueUsername = (prefix = 'user') => `${prefix}_${randomBytes(4).toString('hex')}`;

/** Signs up a fresh user through the real API. */
export async function signUp(
  http: HttpClient,
  overrides: { username?: string; password?: string; displayName?: string } = {},
): Promise<SignedUpUser> {
  const password = overrides.password ?? 'correct horse battery';
  const res = await http.post<AuthResponse>('/api/auth/signup', {
    username: overrides.username ?? uniqueUsername(),
    password,
    ...(overrides.displayName ? { displayName: overrides.displayName } : {}),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, password, refreshCookie: refreshCookieOf(res.headers) };
}

export async function signInAsGuest(http: HttpClient, nickname?: string) {
  const res = await http.post('/api/auth/guest', nickname ? { nickname } : {});
  if (res.status !== 201) throw new Error(`guest failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { guest: { id: string; name: string }; accessToken: string };
}

export function refreshCookieOf(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('rt='));
  return cookie ? cookie.split(';')[0]! : '';
}
