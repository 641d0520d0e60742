import type { ConnectErrorData } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { io } from 'socket.io-client';
import { signAccessToken, signInAsGuest, signUp } from './factories/users.js';
import { useTestApp } from './support/use-test-app.js';
import { connectSocket } from './support/test-socket.js';

type ConnectError = Error & { data?: ConnectErrorData };

/** Resolves with what the handshake ends in: `session` or the `connect_error`. */
function handshake(
  baseUrl: string,
  options: { auth?: Record<string, unknown>; origin?: string; transport?: 'websocket' | 'polling' },
): Promise<{ session?: unknown; error?: ConnectError }> {
  const socket = io(baseUrl, {
    auth: options.auth ?? {},
    transports: [options.transport ?? 'websocket'],
    reconnection: false,
    forceNew: true,
    ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
  });
  return new Promise((resolve) => {
    socket.once('session', (session: unknown) => {
      socket.disconnect();
      resolve({ session });
    });
    socket.once('connect_error', (error: ConnectError) => {
      socket.disconnect();
      resolve({ error });
    });
  });
}

/**
 * Expects the handshake with `token` to end in `connect_error` with `code`. (Not through
 * connectSocket: its `session` wait would keep a 5-second timer alive after a refusal.)
 */
const expectRefused = async (baseUrl: string, token: unknown, code: ConnectErrorData['code']) => {
  const { session, error } = await handshake(baseUrl, { auth: { token } });
  expect(session).toBeUndefined();
  expect(error?.data).toEqual({ code });
};

describe('socket handshake', () => {
  const app = useTestApp();

  it('lets a visitor in without a token: session {user: null, guest: null, serverTime}', async () => {
    const socket = await connectSocket(app.baseUrl);
    try {
      const session = await socket.next('session');
      expect(Object.keys(session).sort()).toEqual(['guest', 'serverTime', 'user']);
      expect(session.user).toBeNull();
      expect(session.guest).toBeNull();
      expect(Math.abs(Date.parse(session.serverTime) - Date.now())).toBeLessThan(10_000);
      expect(socket.all('session')).toHaveLength(1);
    } finally {
      socket.close();
    }
  });

  it('treats an empty or null token as a visitor too', async () => {
    for (const token of ['', null]) {
      const { session, error } = await handshake(app.baseUrl, { auth: { token } });
      expect(error).toBeUndefined();
      expect(session).toMatchObject({ user: null, guest: null });
    }
  });

  it('gives a user their public profile in session.user', async () => {
    const ann = await signUp(app.http);
    const socket = await connectSocket(app.baseUrl, ann.accessToken);
    try {
      const session = await socket.next('session');
      const { createdAt: _c, botOptOut: _b, sampleProfile: _s, ...publicPart } = ann.user;
      expect(session).toEqual({
        user: { ...publicPart, online: true },
        guest: null,
        serverTime: expect.any(String),
      });
    } finally {
      socket.close();
    }
  });

  it('gives a guest session.guest {id, name}', async () => {
    const guest = await signInAsGuest(app.http, 'Gwen');
    const socket = await connectSocket(app.baseUrl, guest.accessToken);
    try {
      const session = await socket.next('session');
      expect(session).toEqual({ user: null, guest: guest.guest, serverTime: expect.any(String) });
    } finally {
      socket.close();
    }
  });

  it('refuses a bad token with connect_error UNAUTHORIZED', async () => {
    const ann = await signUp(app.http);
    const forged = signAccessToken(
      { sub: ann.user.id, role: 'user' },
      { secret: 'some-other-secret-that-is-also-long-enough' },
    );
    const badTokens = [
      'not-a-jwt',
      forged,
      signAccessToken({ sub: ann.user.id, role: 'admin' }),
      42,
      { sub: ann.user.id },
    ];
    for (const token of badTokens) await expectRefused(app.baseUrl, token, 'UNAUTHORIZED');
  });

  it('refuses a token for an account that does not exist with UNAUTHORIZED', async () => {
    const token = signAccessToken({ sub: '00000000-0000-4000-8000-000000000000', role: 'user' });
    await expectRefused(app.baseUrl, token, 'UNAUTHORIZED');
  });

  it('refuses an expired token with connect_error TOKEN_EXPIRED', async () => {
    const ann = await signUp(app.http);
    const expiredUser = signAccessToken({ sub: ann.user.id, role: 'user' }, { expiresInS: -10 });
    await expectRefused(app.baseUrl, expiredUser, 'TOKEN_EXPIRED');
    const guestId = '00000000-0000-4000-8000-000000000001';
    const expiredGuest = signAccessToken(
      { sub: guestId, role: 'guest', name: 'Old' },
      { expiresInS: -10 },
    );
    await expectRefused(app.baseUrl, expiredGuest, 'TOKEN_EXPIRED');
  });

  it('refuses an Origin outside CORS_ORIGINS, on websocket and polling', async () => {
    const ann = await signUp(app.http);
    const attempts = [
      { origin: 'http://evil.example' },
      { origin: 'http://evil.example', transport: 'polling' as const },
      { origin: 'http://localhost:5173.evil.example', auth: { token: ann.accessToken } },
      { origin: 'null' },
    ];
    for (const attempt of attempts) {
      const { session, error } = await handshake(app.baseUrl, attempt);
      expect(session).toBeUndefined();
      expect(error).toBeInstanceOf(Error);
    }
  });

  it('accepts an Origin listed in CORS_ORIGINS', async () => {
    const ann = await signUp(app.http);
    const socket = await connectSocket(app.baseUrl, ann.accessToken, {
      origin: 'http://localhost:5173',
    });
    try {
      expect((await socket.next('session')).user?.id).toBe(ann.user.id);
    } finally {
      socket.close();
    }
    const polling = await handshake(app.baseUrl, {
      origin: 'http://localhost:5173',
      transport: 'polling',
    });
    expect(polling.session).toMatchObject({ user: null, guest: null });
  });
});
