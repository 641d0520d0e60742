import { AVATAR_COLORS } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { signUp } from './factories/users.js';
import type { HttpResponse } from './support/http-client.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';
import { connectSocket } from './support/test-socket.js';

const PUBLIC_USER_KEYS = [
  'avatarColor',
  'bio',
  'displayName',
  'id',
  'isDemo',
  'lastSeenAt',
  'location',
  'online',
  'username',
].sort();

const fieldPaths = (res: HttpResponse) =>
  (res.body.details ?? []).map((d: { path: string }) => d.path);

describe('users: profiles', () => {
  const app = useTestApp();

  const rowOf = async (id: string) =>
    (
      await queryDatabase(
        app.database.url,
        'SELECT display_name, bio, avatar_color, location FROM users WHERE id = $1',
        [id],
      )
    )[0];

  describe('GET /api/users/me', () => {
    it('returns my own profile, with createdAt', async () => {
      const ann = await signUp(app.http);
      const res = await app.http.get('/api/users/me', { token: ann.accessToken });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(
        [...PUBLIC_USER_KEYS, 'createdAt', 'botOptOut', 'sampleProfile'].sort(),
      );
      expect(res.body).toEqual(ann.user);
    });

    it('says a new account has an invented sample profile until its owner has been told', async () => {
      const ann = await signUp(app.http);
      expect(ann.user).toMatchObject({ sampleProfile: true, botOptOut: false });
      expect(ann.user.bio).not.toBe('');
      const seen = await app.http.patch(
        '/api/users/me',
        { sampleProfileSeen: true },
        { token: ann.accessToken },
      );
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ sampleProfile: false, bio: ann.user.bio });
      const me = await app.http.get('/api/users/me', { token: ann.accessToken });
      expect(me.body.sampleProfile).toBe(false);
    });

    it('ends the sample-profile notice when the owner edits the profile', async () => {
      const ann = await signUp(app.http);
      await app.http.patch('/api/users/me', { bio: 'Mine now' }, { token: ann.accessToken });
      const me = await app.http.get('/api/users/me', { token: ann.accessToken });
      expect(me.body).toMatchObject({ sampleProfile: false, bio: 'Mine now' });
    });
  });

  describe('PATCH /api/users/me', () => {
    it('edits displayName, bio, location and avatarColor, and the public profile shows it', async () => {
      const ann = await signUp(app.http);
      const changes = {
        displayName: 'Ann the Brave',
        bio: 'Climbs mountains on Mondays.',
        location: 'Ljubljana',
        avatarColor: AVATAR_COLORS.find((color) => color !== ann.user.avatarColor)!,
      };
      const res = await app.http.patch('/api/users/me', changes, { token: ann.accessToken });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...ann.user, ...changes, sampleProfile: false });

      const profile = await app.http.get(`/api/users/${ann.user.username}`);
      expect(profile.status).toBe(200);
      expect(profile.body).toMatchObject({ id: ann.user.id, ...changes });
      expect(await rowOf(ann.user.id)).toEqual({
        display_name: changes.displayName,
        bio: changes.bio,
        avatar_color: changes.avatarColor,
        location: changes.location,
      });
    });

    it('changes only the fields sent, trimmed', async () => {
      const ann = await signUp(app.http);
      const res = await app.http.patch(
        '/api/users/me',
        { bio: '  Just the bio.  ' },
        { token: ann.accessToken },
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...ann.user, bio: 'Just the bio.', sampleProfile: false });
      const empty = await app.http.patch('/api/users/me', {}, { token: ann.accessToken });
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({ ...ann.user, bio: 'Just the bio.', sampleProfile: false });
    });

    it('allows a bio of exactly 280 characters and an empty bio or location', async () => {
      const ann = await signUp(app.http);
      const full = await app.http.patch(
        '/api/users/me',
        { bio: 'b'.repeat(280) },
        { token: ann.accessToken },
      );
      expect(full.status).toBe(200);
      const cleared = await app.http.patch(
        '/api/users/me',
        { bio: '', location: '' },
        { token: ann.accessToken },
      );
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ bio: '', location: '' });
    });

    it('rejects bad fields with 400 VALIDATION naming the field, and changes nothing', async () => {
      const ann = await signUp(app.http);
      const before = await rowOf(ann.user.id);
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ bio: 'b'.repeat(281) }, 'bio'],
        [{ displayName: 'd'.repeat(65) }, 'displayName'],
        [{ displayName: '   ' }, 'displayName'],
        [{ location: 'l'.repeat(65) }, 'location'],
        [{ avatarColor: '#123456' }, 'avatarColor'],
        [{ avatarColor: 'red' }, 'avatarColor'],
        [{ bio: 42 }, 'bio'],
        // PostgreSQL text cannot hold NUL: refused as bad input, not a 500.
        [{ bio: 'a\u0000b' }, 'bio'],
        [{ displayName: 'Ann\u0000' }, 'displayName'],
      ];
      for (const [body, path] of cases) {
        // A valid field alongside must not be half-applied either.
        const res = await app.http.patch(
          '/api/users/me',
          { location: 'Half Written', ...body },
          { token: ann.accessToken },
        );
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
        expect(fieldPaths(res)).toEqual([path]);
      }
      expect(await rowOf(ann.user.id)).toEqual(before);
    });

    it('stores the opt-out from bot messages, and keeps it private', async () => {
      const ann = await signUp(app.http);
      const res = await app.http.patch(
        '/api/users/me',
        { botOptOut: true },
        { token: ann.accessToken },
      );
      expect(res.status).toBe(200);
      expect(res.body.botOptOut).toBe(true);
      expect((await app.http.get('/api/users/me', { token: ann.accessToken })).body.botOptOut).toBe(
        true,
      );
      const publicView = await app.http.get(`/api/users/${ann.user.username}`);
      expect(publicView.body).not.toHaveProperty('botOptOut');
      const off = await app.http.patch(
        '/api/users/me',
        { botOptOut: false },
        { token: ann.accessToken },
      );
      expect(off.body.botOptOut).toBe(false);
    });

    it('rejects unknown fields, including private ones, with 400', async () => {
      const ann = await signUp(app.http);
      for (const body of [
        { username: 'renamed' },
        { isDemo: true },
        { passwordHash: 'x' },
        { createdAt: '2000-01-01' },
        { sampleProfile: true },
        { sampleProfileSeen: false },
        { botOptOut: 'yes' },
      ]) {
        const res = await app.http.patch('/api/users/me', body, { token: ann.accessToken });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION');
      }
      const [row] = await queryDatabase(
        app.database.url,
        'SELECT username, is_demo FROM users WHERE id = $1',
        [ann.user.id],
      );
      expect(row).toEqual({ username: ann.user.username, is_demo: false });
    });

    it('needs a token: 401 UNAUTHORIZED', async () => {
      const res = await app.http.patch('/api/users/me', { bio: 'anonymous' });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
    });

    it('tells the sockets that watch the user: `user:updated` with the public profile', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const bobSocket = await connectSocket(app.baseUrl, bob.accessToken);
      const visitor = await connectSocket(app.baseUrl);
      try {
        for (const socket of [bobSocket, visitor]) {
          expect(await socket.call('presence:watch', { userIds: [ann.user.id] })).toMatchObject({
            ok: true,
          });
        }
        await app.http.patch(
          '/api/users/me',
          { displayName: 'Ann Updated' },
          { token: ann.accessToken },
        );
        for (const socket of [bobSocket, visitor]) {
          const updated = await socket.next('user:updated', (user) => user.id === ann.user.id);
          expect(Object.keys(updated).sort()).toEqual(PUBLIC_USER_KEYS);
          expect(updated).toMatchObject({
            id: ann.user.id,
            username: ann.user.username,
            displayName: 'Ann Updated',
          });
        }
      } finally {
        bobSocket.close();
        visitor.close();
      }
    });
  });

  describe('GET /api/users/:username', () => {
    it('shows the public profile to anyone, without private fields', async () => {
      const ann = await signUp(app.http);
      const res = await app.http.get(`/api/users/${ann.user.username}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(PUBLIC_USER_KEYS);
      const { createdAt: _c, botOptOut: _b, sampleProfile: _s, ...publicPart } = ann.user;
      expect(res.body).toEqual(publicPart);
    });

    it('finds the user whatever the case of the username', async () => {
      const ann = await signUp(app.http);
      const res = await app.http.get(`/api/users/${ann.user.username.toUpperCase()}`);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(ann.user.id);
    });

    it('answers an unknown username with 404 NOT_FOUND', async () => {
      for (const username of ['nobody_here', 'ann%00']) {
        const res = await app.http.get(`/api/users/${username}`);
        expect(res.status).toBe(404);
        expect(res.body).toEqual({
          statusCode: 404,
          code: 'NOT_FOUND',
          message: expect.any(String),
        });
      }
    });

    it('shows a user as online while a socket of theirs is connected', async () => {
      const ann = await signUp(app.http);
      const socket = await connectSocket(app.baseUrl, ann.accessToken);
      try {
        const res = await app.http.get(`/api/users/${ann.user.username}`);
        expect(res.body.online).toBe(true);
      } finally {
        socket.close();
      }
    });
  });

  it('documents every auth and users endpoint in OpenAPI, with request and response schemas', async () => {
    const { body: doc } = await app.http.get('/api/docs-json');
    const expected: Array<[string, string, number, boolean]> = [
      ['/api/auth/signup', 'post', 201, true],
      ['/api/auth/login', 'post', 200, true],
      ['/api/auth/refresh', 'post', 200, false],
      ['/api/auth/logout', 'post', 204, false],
      ['/api/auth/guest', 'post', 201, true],
      ['/api/users', 'get', 200, false],
      ['/api/users/me', 'get', 200, false],
      ['/api/users/me', 'patch', 200, true],
      ['/api/users/{username}', 'get', 200, false],
    ];
    for (const [path, method, status, hasBody] of expected) {
      const operation = doc.paths[path]?.[method];
      expect({ path, method, documented: Boolean(operation) }).toEqual({
        path,
        method,
        documented: true,
      });
      expect(operation.summary).toEqual(expect.any(String));
      const success = operation.responses[String(status)];
      expect(success).toBeDefined();
      if (status !== 204) expect(success.content?.['application/json']?.schema).toBeDefined();
      if (hasBody)
        expect(operation.requestBody?.content?.['application/json']?.schema).toBeDefined();
    }
    const queryNames = doc.paths['/api/users'].get.parameters.map((p: { name: string }) => p.name);
    expect(queryNames).toEqual(expect.arrayContaining(['q', 'limit', 'cursor']));
  });
});
