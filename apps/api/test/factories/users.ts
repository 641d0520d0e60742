import { AVATAR_COLORS, type AuthResponse } from '@chat/contracts';
import { JwtService } from '@nestjs/jwt';
import { hash } from '@node-rs/argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import type { HttpClient } from '../support/http-client.js';
import { queryDatabase } from '../support/test-database.js';
import { TEST_JWT_SECRET } from '../support/test-secret.js';

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
  if (res.status !== 201)
    throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, password, refreshCookie: refreshCookieOf(res.headers) };
}

export async function signInAsGuest(http: HttpClient, nickname?: string) {
  const res = await http.post('/api/auth/guest', nickname ? { nickname } : {});
  if (res.status !== 201)
    throw new Error(`guest failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { guest: { id: string; name: string }; accessToken: string };
}

export function refreshCookieOf(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('rt='));
  return cookie ? cookie.split(';')[0]! : '';
}

/** The whole `Set-Cookie` line for `rt`, attributes included (undefined when none was set). */
export function refreshSetCookieOf(headers: Headers): string | undefined {
  return headers.getSetCookie().find((c) => c.startsWith('rt='));
}

/** The claims of a JWT, read without checking it (checking is the API's job). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/** The JWT secret `startTestApp` configures; tokens signed with it pass the signature check. */
export { TEST_JWT_SECRET };

/**
 * Signs an access token directly, for the cases the API never issues: expired (`expiresInS`
 * negative), forged (another `secret`) or with odd claims.
 */
export function signAccessToken(
  claims: Record<string, unknown>,
  options: { secret?: string; expiresInS?: number } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    jti: randomUUID(),
    iat: now - 60,
    exp: now + (options.expiresInS ?? 900),
    ...claims,
  };
  return new JwtService({ secret: options.secret ?? TEST_JWT_SECRET }).sign(payload);
}

/** Writes a user row straight into the database: demo users (no password) or rate-limit tests. */
export async function insertUser(
  databaseUrl: string,
  input: { username: string; password: string | null; displayName?: string; isDemo?: boolean },
): Promise<{ id: string }> {
  const [row] = await queryDatabase<{ id: string }>(
    databaseUrl,
    `INSERT INTO users (username, password_hash, display_name, bio, avatar_color, location, is_demo)
     VALUES ($1, $2, $3, 'Inserted by a test.', $4, 'Nowhere', $5) RETURNING id`,
    [
      input.username,
      input.password === null ? null : await hash(input.password),
      input.displayName ?? input.username,
      AVATAR_COLORS[0],
      input.isDemo ?? input.password === null,
    ],
  );
  return row!;
}

/**
 * `count` users written in one statement (no argon2, no sign-up rate), each with an access
 * token: for storms of thousands of distinct users.
 */
export async function insertUsers(
  databaseUrl: string,
  count: number,
  prefix = uniqueUsername('storm'),
): Promise<Array<{ id: string; token: string }>> {
  const rows = await queryDatabase<{ id: string }>(
    databaseUrl,
    `INSERT INTO users (username, display_name, avatar_color)
     SELECT $1 || '_' || i, 'Storm ' || i, $3 FROM generate_series(1, $2::int) AS i
     ORDER BY i RETURNING id`,
    [prefix, count, AVATAR_COLORS[0]],
  );
  return rows.map(({ id }) => ({ id, token: signAccessToken({ sub: id, role: 'user' }) }));
}
