import { describe, expect, it } from '@jest/globals';
import {
  insertUser,
  refreshCookieOf,
  refreshSetCookieOf,
  signUp,
  uniqueUsername,
} from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

const OWN_PROFILE_KEYS = [
  'avatarColor',
  'bio',
  'botOptOut',
  'createdAt',
  'displayName',
  'id',
  'isDemo',
  'lastSeenAt',
  'location',
  'online',
  'sampleProfile',
  'username',
].sort();

describe('auth: sign in', () => {
  const app = useTestApp();

  describe('POST /api/auth/login', () => {
    it('signs in with 200 {user, accessToken} and a new refresh cookie', async () => {
      const ann = await signUp(app.http);
      const res = await app.http.post('/api/auth/login', {
        username: ann.user.username,
        password: ann.password,
      });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'user']);
      expect(Object.keys(res.body.user).sort()).toEqual(OWN_PROFILE_KEYS);
      expect(res.body.user.id).toBe(ann.user.id);
      const cookie = refreshCookieOf(res.headers);
      expect(cookie).toMatch(/^rt=.+/);
      expect(cookie).not.toBe(ann.refreshCookie);
      expect(refreshSetCookieOf(res.headers)).toContain('HttpOnly');
      const me = await app.http.get('/api/users/me', { token: res.body.accessToken });
      expect(me.body.id).toBe(ann.user.id);
    });

    it('accepts the username in any case', async () => {
      const ann = await signUp(app.http);
      const res = await app.http.post('/api/auth/login', {
        username: ann.user.username.toUpperCase(),
        password: ann.password,
      });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(ann.user.id);
    });

    it('answers a wrong password and an unknown user alike: 401 INVALID_CREDENTIALS', async () => {
      const ann = await signUp(app.http);
      const wrong = await app.http.post('/api/auth/login', {
        username: ann.user.username,
        password: 'not the password',
      });
      const unknown = await app.http.post('/api/auth/login', {
        username: uniqueUsername('ghost'),
        password: 'not the password',
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS' });
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(refreshCookieOf(wrong.headers)).toBe('');
      expect(refreshCookieOf(unknown.headers)).toBe('');
    });

    it('answers a username no account can have (a NUL in it) like an unknown user', async () => {
      const res = await app.http.post('/api/auth/login', {
        username: 'ann\u0000',
        password: 'not the password',
      });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('spends about the same time on an unknown user as on a wrong password', async () => {
      const ann = await signUp(app.http);
      const median = async (username: string) => {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const started = performance.now();
          await app.http.post('/api/auth/login', { username, password: 'not the password' });
          times.push(performance.now() - started);
        }
        return times.sort((a, b) => a - b)[2]!;
      };
      const wrongPassword = await median(ann.user.username);
      const unknownUser = await median(uniqueUsername('ghost'));
      // Without a dummy hash check the unknown user answers ~10x faster; allow for a noisy machine.
      expect(unknownUser).toBeGreaterThan(wrongPassword / 3);
    });

    it('never signs in a demo user, who has no password', async () => {
      const username = uniqueUsername('demo');
      await insertUser(app.database.url, { username, password: null });
      for (const password of ['correct horse battery', 'not-a-real-password', 'null', 'x']) {
        const res = await app.http.post('/api/auth/login', { username, password });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('INVALID_CREDENTIALS');
      }
      const tokens = await queryDatabase(
        app.database.url,
        'SELECT t.id FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE u.username = $1',
        [username],
      );
      expect(tokens).toEqual([]);
    });

    it('rejects a malformed body with 400 VALIDATION', async () => {
      for (const body of [
        {},
        { username: 'ann' },
        { username: 'ann', password: 'x', extra: 1 },
        { username: 1, password: 2 },
      ]) {
        const res = await app.http.post('/api/auth/login', body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION');
      }
    });
  });
});

describe('auth: rate limit', () => {
  const app = useTestApp({ RATE_LIMIT_AUTH_PER_MIN: '10' });

  it('answers the 11th sign-in within a minute with 429 RATE_LIMITED, then every auth endpoint', async () => {
    const username = uniqueUsername();
    await insertUser(app.database.url, { username, password: 'correct horse battery' });
    for (let attempt = 1; attempt <= 10; attempt++) {
      const res = await app.http.post('/api/auth/login', {
        username,
        password: 'correct horse battery',
      });
      expect(res.status).toBe(200);
    }
    const limited = await app.http.post('/api/auth/login', {
      username,
      password: 'correct horse battery',
    });
    expect(limited.status).toBe(429);
    // Limits v2: the refusal says when to retry, in the body and in Retry-After.
    expect(limited.body).toEqual({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: expect.any(String),
      details: { retryAfterMs: expect.any(Number) },
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refreshCookieOf(limited.headers)).toBe('');

    const signup = await app.http.post('/api/auth/signup', {
      username: uniqueUsername(),
      password: 'correct horse battery',
    });
    expect(signup.status).toBe(429);
    expect(await queryDatabase(app.database.url, 'SELECT id FROM users')).toHaveLength(1);
    const guest = await app.http.post('/api/auth/guest', {});
    expect(guest.status).toBe(429);
    // Reading is not an auth endpoint.
    expect((await app.http.get('/api/users')).status).toBe(200);
  });
});
