import {
  authResponseSchema,
  messagePageSchema,
  ownProfileSchema,
  publicUserSchema,
} from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { sendMessage } from './factories/conversations.js';
import { uniqueUsername } from './factories/users.js';
import { createApiClient } from './support/api-client.js';
import { useTestApp } from './support/use-test-app.js';

describe('the REST API through a client generated from its OpenAPI document', () => {
  const app = useTestApp();

  it('signs up, refreshes its token, pages through a room history and reads profiles', async () => {
    const visitor = createApiClient(app.baseUrl);
    const username = uniqueUsername('client');

    const signedUp = await visitor.POST('/api/auth/signup', {
      body: { username, password: 'correct horse battery', displayName: 'Client Ann' },
    });
    expect(signedUp.response.status).toBe(201);
    const { user, accessToken } = authResponseSchema.parse(signedUp.data);
    expect(user.username).toBe(username);
    const setCookie = signedUp.response.headers.getSetCookie().find((c) => c.startsWith('rt='));
    expect(setCookie).toMatch(/; Path=\/api\/auth;.*HttpOnly/);

    // A fresh access token from the refresh cookie, as a script would get one.
    const refreshed = await createApiClient(app.baseUrl, {
      cookie: setCookie!.split(';')[0]!,
    }).POST('/api/auth/refresh');
    expect(refreshed.response.status).toBe(200);
    expect(refreshed.data?.accessToken).toEqual(expect.any(String));
    const api = createApiClient(app.baseUrl, { token: refreshed.data!.accessToken });
    expect(accessToken).not.toBe(refreshed.data!.accessToken);

    const created = await api.POST('/api/rooms', {
      body: { name: `Client room ${randomBytes(3).toString('hex')}` },
    });
    expect(created.response.status).toBe(201);
    const roomId = created.data!.id;

    // Posting goes over Socket.IO for now. The messages issue adds the REST route
    // (POST /api/conversations/{id}/messages): post through `api.POST` then, so the document is
    // proven for posting too.
    const socket = await app.connect(refreshed.data!.accessToken);
    for (const body of ['one', 'two', 'three', 'four', 'five']) {
      await sendMessage(socket, roomId, body);
    }

    const page = async (query: { before?: number; after?: number; limit?: number }) => {
      const res = await api.GET('/api/conversations/{id}/messages', {
        params: { path: { id: roomId }, query },
      });
      expect(res.response.status).toBe(200);
      const { items, hasMore } = messagePageSchema.parse(res.data);
      return { seqs: items.map((m) => m.seq), hasMore };
    };
    expect(await page({ limit: 2 })).toEqual({ seqs: [4, 5], hasMore: true });
    expect(await page({ before: 4, limit: 2 })).toEqual({ seqs: [2, 3], hasMore: true });
    expect(await page({ before: 2, limit: 2 })).toEqual({ seqs: [1], hasMore: false });
    expect(await page({ after: 1, limit: 2 })).toEqual({ seqs: [2, 3], hasMore: true });
    expect(await page({ after: 3 })).toEqual({ seqs: [4, 5], hasMore: false });

    const both = await api.GET('/api/conversations/{id}/messages', {
      params: { path: { id: roomId }, query: { before: 4, after: 1 } },
    });
    expect(both.response.status).toBe(400);
    expect(both.error).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
    const details = both.error?.details;
    expect(Array.isArray(details) && details.map((d) => d.path)).toContain('before');

    const visitorHistory = await visitor.GET('/api/conversations/{id}/messages', {
      params: { path: { id: roomId } },
    });
    expect(visitorHistory.response.status).toBe(401);
    expect(visitorHistory.error?.code).toBe('UNAUTHORIZED');

    const profile = await visitor.GET('/api/users/{username}', {
      params: { path: { username: username.toUpperCase() } },
    });
    expect(profile.response.status).toBe(200);
    expect(publicUserSchema.parse(profile.data)).toMatchObject({
      id: user.id,
      username,
      displayName: 'Client Ann',
    });

    const mine = await api.GET('/api/users/me');
    expect(ownProfileSchema.parse(mine.data).id).toBe(user.id);

    const missing = await visitor.GET('/api/users/{username}', {
      params: { path: { username: uniqueUsername('nobody') } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
