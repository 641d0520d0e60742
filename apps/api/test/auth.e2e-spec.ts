import { AVATAR_COLORS } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { refreshSetCookieOf, signUp, uniqueUsername } from './factories/users.js';
import type { HttpResponse } from './support/http-client.js';
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

const fieldPaths = (res: HttpResponse) =>
  (res.body.details ?? []).map((d: { path: string }) => d.path);

describe('auth: sign up', () => {
  const app = useTestApp();

  const usersNamed = (username: string) =>
    queryDatabase(app.database.url, 'SELECT id FROM users WHERE lower(username) = lower($1)', [
      username,
    ]);
  const userCount = async () =>
    Number(
      (await queryDatabase<{ n: string }>(app.database.url, 'SELECT count(*) AS n FROM users'))[0]!
        .n,
    );

  describe('POST /api/auth/signup', () => {
    it('creates the account with an auto-filled profile and signs in', async () => {
      const res = await app.http.post('/api/auth/signup', {
        username: 'mary.jane_smith',
        password: 'correct horse battery',
      });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'user']);
      expect(typeof res.body.accessToken).toBe('string');
      const { user } = res.body;
      expect(Object.keys(user).sort()).toEqual(OWN_PROFILE_KEYS);
      expect(user).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        username: 'mary.jane_smith',
        displayName: 'Mary Jane Smith',
        isDemo: false,
      });
      expect(user.bio.trim()).not.toBe('');
      expect(user.location.trim()).not.toBe('');
      expect(AVATAR_COLORS).toContain(user.avatarColor);
      expect(Number.isNaN(Date.parse(user.createdAt))).toBe(false);

      const me = await app.http.get('/api/users/me', { token: res.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: user.id, username: 'mary.jane_smith' });
    });

    it('keeps a display name given at sign-up', async () => {
      const { user } = await signUp(app.http, { displayName: 'Captain Ann' });
      expect(user.displayName).toBe('Captain Ann');
    });

    it('sets the refresh cookie httpOnly, SameSite=Strict, on path /api/auth', async () => {
      const res = await app.http.post('/api/auth/signup', {
        username: uniqueUsername(),
        password: 'correct horse battery',
      });
      const cookie = refreshSetCookieOf(res.headers);
      expect(cookie).toBeDefined();
      const [pair, ...attributes] = cookie!.split(';').map((part) => part.trim());
      expect(pair!.length).toBeGreaterThan('rt='.length + 20);
      expect(attributes).toEqual(
        expect.arrayContaining(['HttpOnly', 'Path=/api/auth', 'SameSite=Strict']),
      );
    });

    it('stores an argon2id hash, and the hash is never in a response', async () => {
      const username = uniqueUsername();
      const password = 'correct horse battery';
      const signup = await app.http.post('/api/auth/signup', { username, password });
      const [row] = await queryDatabase<{ password_hash: string }>(
        app.database.url,
        'SELECT password_hash FROM users WHERE username = $1',
        [username],
      );
      expect(row!.password_hash).toMatch(/^\$argon2id\$/);
      expect(row!.password_hash).not.toContain(password);

      const login = await app.http.post('/api/auth/login', { username, password });
      const me = await app.http.get('/api/users/me', { token: signup.body.accessToken });
      const profile = await app.http.get(`/api/users/${username}`);
      const directory = await app.http.get(`/api/users?q=${username}`);
      for (const res of [signup, login, me, profile, directory]) {
        const text = JSON.stringify(res.body);
        expect(text).not.toContain('$argon2');
        expect(text).not.toMatch(/password/i);
        expect(text).not.toContain(password);
      }
    });

    it('rejects a password outside 8–128 characters with 400 VALIDATION on `password`', async () => {
      for (const password of ['short', 'x'.repeat(7), 'x'.repeat(129)]) {
        const username = uniqueUsername();
        const res = await app.http.post('/api/auth/signup', { username, password });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
        expect(fieldPaths(res)).toEqual(['password']);
        expect(await usersNamed(username)).toEqual([]);
      }
    });

    it('rejects a bad username with 400 VALIDATION on `username`', async () => {
      const before = await userCount();
      for (const username of [
        'a',
        'ab',
        'has space',
        'x'.repeat(33),
        'bad!char',
        'émile',
        '',
        42,
      ]) {
        const res = await app.http.post('/api/auth/signup', {
          username,
          password: 'correct horse battery',
        });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION');
        expect(fieldPaths(res)).toEqual(['username']);
      }
      expect(await userCount()).toBe(before);
    });

    it('treats usernames case-insensitively: `Ann_1` after `ann_1` is 409 CONFLICT', async () => {
      await signUp(app.http, { username: 'ann_1' });
      const tokensBefore = await queryDatabase(app.database.url, 'SELECT id FROM refresh_tokens');
      const res = await app.http.post('/api/auth/signup', {
        username: 'Ann_1',
        password: 'another password',
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
      expect(refreshSetCookieOf(res.headers)).toBeUndefined();
      expect(await usersNamed('ann_1')).toHaveLength(1);
      expect(await queryDatabase(app.database.url, 'SELECT id FROM refresh_tokens')).toHaveLength(
        tokensBefore.length,
      );
    });

    it('stores the username lower-cased', async () => {
      const res = await app.http.post('/api/auth/signup', {
        username: 'MixedCase_Kim',
        password: 'correct horse battery',
      });
      expect(res.status).toBe(201);
      expect(res.body.user.username).toBe('mixedcase_kim');
    });

    it('rejects a blank, over-long or NUL-holding display name with 400 on `displayName`', async () => {
      for (const displayName of ['   ', 'd'.repeat(65), 'Ann\u0000Lee']) {
        const username = uniqueUsername();
        const res = await app.http.post('/api/auth/signup', {
          username,
          password: 'correct horse battery',
          displayName,
        });
        expect(res.status).toBe(400);
        expect(fieldPaths(res)).toEqual(['displayName']);
        expect(await usersNamed(username)).toEqual([]);
      }
    });

    it('lets exactly one of two simultaneous sign-ups for a name through', async () => {
      const username = uniqueUsername('race');
      const results = await Promise.all(
        ['', 'Upper'].map((variant) =>
          app.http.post('/api/auth/signup', {
            username: variant ? username.toUpperCase() : username,
            password: 'correct horse battery',
          }),
        ),
      );
      expect(results.map((res) => res.status).sort()).toEqual([201, 409]);
      expect(await usersNamed(username)).toHaveLength(1);
    });

    it('rejects unknown fields and writes nothing', async () => {
      const username = uniqueUsername();
      for (const extra of [{ isDemo: true }, { role: 'admin' }, { passwordHash: 'x' }]) {
        const res = await app.http.post('/api/auth/signup', {
          username,
          password: 'correct horse battery',
          ...extra,
        });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION');
      }
      expect(await usersNamed(username)).toEqual([]);
    });

    it('rejects a missing or non-object body with 400', async () => {
      for (const raw of ['', 'null', '[]', '"text"']) {
        const res = await app.http.post('/api/auth/signup', undefined, {
          raw,
          headers: { 'content-type': 'application/json' },
        });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION');
      }
    });
  });
});

describe('auth: in production', () => {
  const app = useTestApp({ NODE_ENV: 'production' });

  it('marks the refresh cookie Secure', async () => {
    const res = await app.http.post('/api/auth/signup', {
      username: uniqueUsername(),
      password: 'correct horse battery',
    });
    expect(res.status).toBe(201);
    expect(
      refreshSetCookieOf(res.headers)!
        .split(';')
        .map((part) => part.trim()),
    ).toContain('Secure');
  });
});
