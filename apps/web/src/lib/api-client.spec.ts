import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json } from '../test/render';
import {
  ApiError,
  apiRequest,
  getAccessToken,
  onSessionExpired,
  setAccessToken,
} from './api-client';

afterEach(() => setAccessToken(null));

const expired = () =>
  json(401, { statusCode: 401, code: 'TOKEN_EXPIRED', message: 'Token expired' });

describe('apiRequest', () => {
  it('sends the bearer token and parses JSON', async () => {
    const me = vi.fn((init?: RequestInit) =>
      json(200, { auth: new Headers(init?.headers).get('Authorization') }),
    );
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/users/me': me }));
    setAccessToken('abc');
    await expect(apiRequest('/api/users/me')).resolves.toEqual({ auth: 'Bearer abc' });
  });

  it('refreshes once on an expired token and retries with the new one', async () => {
    const tokens: (string | null)[] = [];
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'GET /api/users/me': (init) => {
          const auth = new Headers(init?.headers).get('Authorization');
          tokens.push(auth);
          return auth === 'Bearer fresh' ? json(200, { ok: true }) : expired();
        },
        'POST /api/auth/refresh': () => json(200, { accessToken: 'fresh' }),
      }),
    );
    setAccessToken('stale');

    await expect(apiRequest('/api/users/me')).resolves.toEqual({ ok: true });
    expect(tokens).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(getAccessToken()).toBe('fresh');
  });

  it('signs out when the refresh fails', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'GET /api/users/me': expired,
        'POST /api/auth/refresh': () =>
          json(401, { statusCode: 401, code: 'UNAUTHORIZED', message: 'No session' }),
      }),
    );
    const expiredListener = vi.fn();
    const stop = onSessionExpired(expiredListener);
    setAccessToken('stale');

    await expect(apiRequest('/api/users/me')).rejects.toMatchObject({
      code: 'TOKEN_EXPIRED',
      status: 401,
    });
    expect(expiredListener).toHaveBeenCalledOnce();
    expect(getAccessToken()).toBeNull();
    stop();
  });

  it('maps error bodies to ApiError with field errors', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'PATCH /api/users/me': () =>
          json(400, {
            statusCode: 400,
            code: 'VALIDATION',
            message: 'Invalid',
            details: [{ path: 'bio', message: 'at most 280 characters' }],
          }),
      }),
    );
    const error = await apiRequest('/api/users/me', { method: 'PATCH', body: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors()).toEqual({ bio: 'at most 280 characters' });
  });

  it('does not try to refresh when no token was sent', async () => {
    const refresh = vi.fn(() => json(200, { accessToken: 'x' }));
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        'GET /api/threads': () =>
          json(401, { statusCode: 401, code: 'UNAUTHORIZED', message: 'Sign in' }),
        'POST /api/auth/refresh': refresh,
      }),
    );
    await expect(apiRequest('/api/threads')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(refresh).not.toHaveBeenCalled();
  });
});
