import type { ConnectErrorData } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { generalConversation, sendMessage } from './factories/conversations.js';
import { claimsOf, refreshCookieOf, signAccessToken, signUp } from './factories/users.js';
import { connectSocket } from './support/test-socket.js';
import { useTestApp } from './support/use-test-app.js';

/** A token for the same person and sign-in as `accessToken` that expires in `seconds`. */
function shortLived(accessToken: string, seconds: number): string {
  const { sub, role, sid } = claimsOf(accessToken);
  return signAccessToken({ sub, role, sid }, { expiresInS: seconds });
}

describe('socket sessions: a socket lives no longer than its access token', () => {
  const app = useTestApp();

  it('asks for a new token before expiry and disconnects a socket that gives none', async () => {
    const ann = await signUp(app.http);
    const token = shortLived(ann.accessToken, 3);
    const expiresAt = Number(claimsOf(token).exp) * 1000;
    const socket = await app.connect(token);
    const general = await generalConversation(app.http);
    // Until then it works as usual.
    await socket.call('conversation:join', { conversationId: general.id });
    await sendMessage(socket, general.id, 'before my token expires');

    const notice = await socket.next('auth:expiring', () => true, 4000);
    expect(notice).toEqual({ expiresAt: new Date(expiresAt).toISOString() });
    expect(Date.now()).toBeLessThan(expiresAt);
    expect(socket.socket.connected).toBe(true);

    const reason = await socket.disconnected(5000);
    expect(reason).toBe('io server disconnect');
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 50);
  });

  it('keeps a socket that answers auth:refresh, with its open conversation', async () => {
    const ann = await signUp(app.http);
    const bob = await signUp(app.http);
    const general = await generalConversation(app.http);
    const token = shortLived(ann.accessToken, 3);
    const oldExpiry = Number(claimsOf(token).exp) * 1000;
    const socket = await app.connect(token);
    const joined = await socket.call('conversation:join', { conversationId: general.id });
    expect(joined.ok).toBe(true);

    await socket.next('auth:expiring', () => true, 4000);
    // What the web app does: trade the refresh cookie for a token, hand it to the socket.
    const refreshed = await app.http.post('/api/auth/refresh', undefined, {
      cookie: ann.refreshCookie,
    });
    expect(refreshed.status).toBe(200);
    const answer = await socket.call('auth:refresh', { token: refreshed.body.accessToken });
    const newExpiry = Number(claimsOf(refreshed.body.accessToken).exp) * 1000;
    expect(answer).toEqual({ ok: true, data: { expiresAt: new Date(newExpiry).toISOString() } });

    await sleep(Math.max(0, oldExpiry - Date.now()) + 1500);
    expect(socket.socket.connected).toBe(true);
    // Still the same conversation, both ways, without a rejoin.
    await sendMessage(socket, general.id, 'after my first token expired');
    const bobSocket = await app.connect(bob.accessToken);
    await sendMessage(bobSocket, general.id, 'can you still hear me?');
    expect(
      (await socket.next('message:new', (m) => m.body === 'can you still hear me?')).body,
    ).toBe('can you still hear me?');
    expect(socket.all('auth:expiring')).toHaveLength(1);
  });

  it('refuses auth:refresh with a clear code and leaves the socket as it was', async () => {
    const ann = await signUp(app.http);
    const bob = await signUp(app.http);
    const socket = await app.connect(ann.accessToken);
    const visitor = await app.connect();
    const refusals: Array<[string, unknown, string]> = [
      ['another person’s token', { token: bob.accessToken }, 'UNAUTHORIZED'],
      ['an expired token', { token: shortLived(ann.accessToken, -10) }, 'TOKEN_EXPIRED'],
      [
        'a forged token',
        { token: signAccessToken({ sub: ann.user.id, role: 'user' }, { secret: 'x'.repeat(40) }) },
        'UNAUTHORIZED',
      ],
      ['not a JWT', { token: 'not-a-jwt' }, 'UNAUTHORIZED'],
      ['a number', { token: 42 }, 'VALIDATION'],
      ['an empty token', { token: '' }, 'VALIDATION'],
      ['NUL inside', { token: `${ann.accessToken}\u0000` }, 'VALIDATION'],
      ['no payload', undefined, 'VALIDATION'],
    ];
    for (const [what, payload, code] of refusals) {
      const answer = await socket.call('auth:refresh', payload);
      expect({ what, answer }).toEqual({
        what,
        answer: { ok: false, error: { code, message: expect.any(String) } },
      });
    }
    expect(socket.socket.connected).toBe(true);
    // Same person as before: sending still works under the original token.
    const general = await generalConversation(app.http);
    await sendMessage(socket, general.id, 'still me');

    const fromVisitor = await visitor.call('auth:refresh', { token: ann.accessToken });
    expect(fromVisitor).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('ends every socket of a sign-in at logout, and only those', async () => {
    const ann = await signUp(app.http);
    const rotated = await app.http.post('/api/auth/refresh', undefined, {
      cookie: ann.refreshCookie,
    });
    const otherDevice = await app.http.post('/api/auth/login', {
      username: ann.user.username,
      password: ann.password,
    });
    const first = await app.connect(ann.accessToken);
    const second = await app.connect(rotated.body.accessToken);
    const elsewhere = await app.connect(otherDevice.body.accessToken);

    const started = Date.now();
    const logout = await app.http.post('/api/auth/logout', undefined, {
      cookie: refreshCookieOf(rotated.headers),
    });
    expect(logout.status).toBe(204);
    expect(await first.disconnected(2000)).toBe('io server disconnect');
    expect(await second.disconnected(2000)).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(2000);
    await elsewhere.roundTrip();
    expect(elsewhere.socket.connected).toBe(true);

    // The signed-out sign-in's access tokens no longer open or refresh a socket.
    const again = await connectSocket(app.baseUrl, rotated.body.accessToken).then(
      () => null,
      (error: Error & { data?: ConnectErrorData }) => error.data,
    );
    expect(again).toEqual({ code: 'UNAUTHORIZED' });
    const refresh = await elsewhere.call('auth:refresh', { token: rotated.body.accessToken });
    expect(refresh).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('ends the sockets of a sign-in whose refresh token was reused (stolen)', async () => {
    const ann = await signUp(app.http);
    const socket = await app.connect(ann.accessToken);
    const first = await app.http.post('/api/auth/refresh', undefined, {
      cookie: ann.refreshCookie,
    });
    expect(first.status).toBe(200);
    await socket.roundTrip();
    expect(socket.socket.connected).toBe(true);
    const reuse = await app.http.post('/api/auth/refresh', undefined, {
      cookie: ann.refreshCookie,
    });
    expect(reuse.status).toBe(401);
    expect(await socket.disconnected(2000)).toBe('io server disconnect');
  });

  it('holds guests to their token’s expiry too', async () => {
    const guestId = '00000000-0000-4000-8000-00000000000a';
    const token = signAccessToken(
      { sub: guestId, role: 'guest', name: 'Brief' },
      { expiresInS: 2 },
    );
    const socket = await app.connect(token);
    await socket.next('auth:expiring', () => true, 3000);
    expect(await socket.disconnected(4000)).toBe('io server disconnect');
  });
});
