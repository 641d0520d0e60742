import { describe, expect, it } from '@jest/globals';
import { refreshCookieOf, refreshSetCookieOf, signAccessToken, signUp } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

describe('auth: refresh and sign out', () => {
  const app = useTestApp();

  const refresh = (cookie: string) =>
    app.http.post('/api/auth/refresh', undefined, cookie ? { cookie } : {});

  describe('POST /api/auth/refresh', () => {
    it('trades the cookie for {accessToken} and rotates the cookie', async () => {
      const ann = await signUp(app.http);
      const res = await refresh(ann.refreshCookie);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['accessToken']);
      const rotated = refreshCookieOf(res.headers);
      expect(rotated).toMatch(/^rt=.+/);
      expect(rotated).not.toBe(ann.refreshCookie);
      expect(refreshSetCookieOf(res.headers)).toEqual(expect.stringContaining('Path=/api/auth'));
      expect(refreshSetCookieOf(res.headers)).toEqual(expect.stringContaining('HttpOnly'));
      const me = await app.http.get('/api/users/me', { token: res.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(ann.user.id);
      // And the rotated cookie works in its turn.
      expect((await refresh(rotated)).status).toBe(200);
    });

    it('treats a reused cookie as theft: 401 and the whole sign-in is revoked', async () => {
      const ann = await signUp(app.http);
      const first = await refresh(ann.refreshCookie);
      const newest = refreshCookieOf(first.headers);

      const reused = await refresh(ann.refreshCookie);
      expect(reused.status).toBe(401);
      expect(reused.body.code).toBe('UNAUTHORIZED');
      expect((await refresh(newest)).status).toBe(401);

      const live = await queryDatabase(
        app.database.url,
        'SELECT id FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
        [ann.user.id],
      );
      expect(live).toEqual([]);
    });

    it('revokes only the family of the reused cookie, not the other sign-ins', async () => {
      const ann = await signUp(app.http);
      const login = await app.http.post('/api/auth/login', {
        username: ann.user.username,
        password: ann.password,
      });
      const otherDevice = refreshCookieOf(login.headers);
      await refresh(ann.refreshCookie);
      expect((await refresh(ann.refreshCookie)).status).toBe(401);
      expect((await refresh(otherDevice)).status).toBe(200);
    });

    it('answers 401 for an expired cookie', async () => {
      const ann = await signUp(app.http);
      await queryDatabase(
        app.database.url,
        "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1",
        [ann.user.id],
      );
      const res = await refresh(ann.refreshCookie);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
    });

    it('answers 401 without a cookie or with an unknown one', async () => {
      const none = await refresh('');
      expect(none.status).toBe(401);
      expect(none.body.code).toBe('UNAUTHORIZED');
      const unknown = await refresh('rt=bm90LWEtcmVhbC1yZWZyZXNoLXRva2VuLWF0LWFsbA');
      expect(unknown.status).toBe(401);
      expect(unknown.body.code).toBe('UNAUTHORIZED');
    });
  });

  describe('a stale access token sent along', () => {
    // Clients attach their bearer token everywhere; on the auth endpoints it is beside the point.
    it('does not stop refresh, sign-in, sign-up, guest entry or sign-out', async () => {
      const ann = await signUp(app.http);
      const stale = {
        authorization: `Bearer ${signAccessToken({ sub: ann.user.id, role: 'user' }, { expiresInS: -10 })}`,
      };
      const refreshed = await app.http.post('/api/auth/refresh', undefined, {
        cookie: ann.refreshCookie,
        headers: stale,
      });
      expect(refreshed.status).toBe(200);
      const login = await app.http.post(
        '/api/auth/login',
        { username: ann.user.username, password: ann.password },
        { headers: stale },
      );
      expect(login.status).toBe(200);
      const signup = await app.http.post(
        '/api/auth/signup',
        { username: `${ann.user.username}_2`, password: 'correct horse battery' },
        { headers: stale },
      );
      expect(signup.status).toBe(201);
      expect((await app.http.post('/api/auth/guest', {}, { headers: stale })).status).toBe(201);
      const logout = await app.http.post('/api/auth/logout', undefined, {
        cookie: refreshCookieOf(login.headers),
        headers: stale,
      });
      expect(logout.status).toBe(204);
      expect((await refresh(refreshCookieOf(login.headers))).status).toBe(401);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('answers 204, clears the cookie and revokes the sign-in', async () => {
      const ann = await signUp(app.http);
      const rotated = refreshCookieOf((await refresh(ann.refreshCookie)).headers);
      const res = await app.http.post('/api/auth/logout', undefined, { cookie: rotated });
      expect(res.status).toBe(204);
      expect(res.body).toBeUndefined();
      const cleared = refreshSetCookieOf(res.headers);
      expect(cleared).toBeDefined();
      expect(cleared).toMatch(/^rt=;/);
      expect(cleared).toContain('Path=/api/auth');
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);

      expect((await refresh(rotated)).status).toBe(401);
      const live = await queryDatabase(
        app.database.url,
        'SELECT id FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
        [ann.user.id],
      );
      expect(live).toEqual([]);
    });

    it('answers 204 without a cookie too', async () => {
      const res = await app.http.post('/api/auth/logout');
      expect(res.status).toBe(204);
    });
  });
});
