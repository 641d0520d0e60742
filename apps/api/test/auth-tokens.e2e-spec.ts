import { describe, expect, it } from '@jest/globals';
import { createRoom, generalConversation } from './factories/conversations.js';
import {
  claimsOf,
  refreshSetCookieOf,
  signAccessToken,
  signInAsGuest,
  signUp,
} from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

describe('auth: access tokens and guests', () => {
  const app = useTestApp();

  describe('access tokens', () => {
    it('are 15-minute JWTs carrying sub, role and jti', async () => {
      const ann = await signUp(app.http);
      const claims = claimsOf(ann.accessToken);
      expect(claims).toMatchObject({ sub: ann.user.id, role: 'user', jti: expect.any(String) });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(15 * 60);
      const other = await app.http.post('/api/auth/login', {
        username: ann.user.username,
        password: ann.password,
      });
      expect(claimsOf(other.body.accessToken).jti).not.toBe(claims.jti);
    });

    it('refuse a token signed with another secret: 401 UNAUTHORIZED', async () => {
      const ann = await signUp(app.http);
      const forged = signAccessToken(
        { sub: ann.user.id, role: 'user' },
        { secret: 'some-other-secret-that-is-also-long-enough' },
      );
      const res = await app.http.get('/api/users/me', { token: forged });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        statusCode: 401,
        code: 'UNAUTHORIZED',
        message: expect.any(String),
      });
    });

    it('refuse an unsigned (alg "none") or tampered token: 401 UNAUTHORIZED', async () => {
      const ann = await signUp(app.http);
      const [header, , signature] = ann.accessToken.split('.');
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const otherClaims = encode({
        ...claimsOf(ann.accessToken),
        sub: '00000000-0000-4000-8000-000000000000',
      });
      const tampered = `${header}.${otherClaims}.${signature}`;
      const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claimsOf(ann.accessToken))}.`;
      for (const token of [tampered, unsigned, 'not-a-jwt', `${ann.accessToken}x`]) {
        const res = await app.http.get('/api/users/me', { token });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHORIZED');
      }
    });

    it('refuse a correctly signed token without the contract claims: 401 UNAUTHORIZED', async () => {
      const ann = await signUp(app.http);
      for (const claims of [
        { sub: ann.user.id, role: 'admin' },
        { sub: ann.user.id },
        { role: 'user' },
      ]) {
        const res = await app.http.get('/api/users/me', { token: signAccessToken(claims) });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHORIZED');
      }
    });

    it('answer an expired token with 401 TOKEN_EXPIRED', async () => {
      const ann = await signUp(app.http);
      const expired = signAccessToken({ sub: ann.user.id, role: 'user' }, { expiresInS: -10 });
      const res = await app.http.get('/api/users/me', { token: expired });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        statusCode: 401,
        code: 'TOKEN_EXPIRED',
        message: expect.any(String),
      });
    });

    it('need a well-formed Authorization header: otherwise 401 UNAUTHORIZED', async () => {
      const ann = await signUp(app.http);
      for (const authorization of [
        ann.accessToken,
        `Token ${ann.accessToken}`,
        'Bearer',
        'Bearer ',
        `Basic ${ann.accessToken}`,
      ]) {
        const res = await app.http.get('/api/users/me', { headers: { authorization } });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHORIZED');
      }
      const none = await app.http.get('/api/users/me');
      expect(none.status).toBe(401);
      expect(none.body.code).toBe('UNAUTHORIZED');
    });

    it('keep guests out of users-only endpoints: /api/users/me is 403 FORBIDDEN', async () => {
      const guest = await signInAsGuest(app.http, 'Gus');
      const res = await app.http.get('/api/users/me', { token: guest.accessToken });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      const patch = await app.http.patch(
        '/api/users/me',
        { bio: 'guest bio' },
        { token: guest.accessToken },
      );
      expect(patch.status).toBe(403);
    });
  });

  describe('POST /api/auth/guest', () => {
    it('gives a 24-hour guest token whose name carries the nickname', async () => {
      const res = await app.http.post('/api/auth/guest', { nickname: 'Zed' });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'guest']);
      expect(Object.keys(res.body.guest).sort()).toEqual(['id', 'name']);
      expect(res.body.guest.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.guest.name).toContain('Zed');
      const claims = claimsOf(res.body.accessToken);
      expect(claims).toMatchObject({
        sub: res.body.guest.id,
        role: 'guest',
        jti: expect.any(String),
      });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(24 * 60 * 60);
      expect(refreshSetCookieOf(res.headers)).toBeUndefined();
    });

    it('makes up a name without a nickname, and every guest is someone else', async () => {
      const one = await app.http.post('/api/auth/guest', {});
      const two = await app.http.post('/api/auth/guest');
      for (const res of [one, two]) {
        expect(res.status).toBe(201);
        expect(res.body.guest.name.trim()).not.toBe('');
      }
      expect(one.body.guest.id).not.toBe(two.body.guest.id);
    });

    it("refuses a member's display name as a nickname (any case, around spaces): 409 CONFLICT on nickname", async () => {
      await signUp(app.http, { displayName: 'Grace Hopper' });
      for (const nickname of ['Grace Hopper', 'grace hopper', '  GRACE HOPPER  ']) {
        const res = await app.http.post('/api/auth/guest', { nickname });
        expect({ nickname, status: res.status, code: res.body.code }).toEqual({
          nickname,
          status: 409,
          code: 'CONFLICT',
        });
        expect(res.body.details).toEqual([{ path: 'nickname', message: expect.any(String) }]);
      }
      // Another name, or one that only contains the member's, is fine.
      for (const nickname of ['Grace', 'Grace Hopper 2'])
        expect((await app.http.post('/api/auth/guest', { nickname })).status).toBe(201);
    });

    it('rejects a bad nickname or an unknown field with 400 VALIDATION', async () => {
      for (const body of [
        { nickname: 'x'.repeat(33) },
        { nickname: 7 },
        { nickname: 'Zed\u0000' },
        { nickname: 'Zed', role: 'user' },
      ]) {
        const res = await app.http.post('/api/auth/guest', body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION');
        expect(res.body.details).toEqual(expect.any(Array));
      }
    });

    it('cannot open a thread, create a room or join one (403), but can read general', async () => {
      const host = await signUp(app.http);
      const room = await createRoom(app.http, host.accessToken, 'Guest Free Zone');
      const { accessToken } = await signInAsGuest(app.http, 'Gus');

      const thread = await app.http.post(
        '/api/threads',
        { userId: host.user.id },
        { token: accessToken },
      );
      expect(thread.status).toBe(403);
      expect(thread.body.code).toBe('FORBIDDEN');
      const create = await app.http.post(
        '/api/rooms',
        { name: 'Guests Only' },
        { token: accessToken },
      );
      expect(create.status).toBe(403);
      expect(create.body.code).toBe('FORBIDDEN');
      const join = await app.http.post(`/api/rooms/${room.slug}/join`, undefined, {
        token: accessToken,
      });
      expect(join.status).toBe(403);
      expect(join.body.code).toBe('FORBIDDEN');
      expect(
        await queryDatabase(app.database.url, "SELECT id FROM conversations WHERE kind = 'direct'"),
      ).toEqual([]);
      expect(
        await queryDatabase(app.database.url, 'SELECT slug FROM conversations WHERE slug = $1', [
          'guests-only',
        ]),
      ).toEqual([]);

      const general = await generalConversation(app.http);
      const history = await app.http.get(`/api/conversations/${general.id}/messages`, {
        token: accessToken,
      });
      expect(history.status).toBe(200);
      expect(history.body).toMatchObject({
        items: expect.any(Array),
        hasMore: expect.any(Boolean),
      });
    });
  });
});
