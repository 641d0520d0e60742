import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { refreshCookieOf, signUp } from '../factories/users.js';
import { startCluster, type TestCluster } from '../support/cluster.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

describe('signing out ends the sign-in’s sockets on every process (Redis)', () => {
  let cluster: TestCluster;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    cluster = await startCluster(2);
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await cluster?.stop();
  });

  it('disconnects the sockets on the other process at once, and no other sign-in’s', async () => {
    const [p1, p2] = cluster.processes;
    const ann = await signUp(p1!.http);
    const otherDevice = await p1!.http.post('/api/auth/login', {
      username: ann.user.username,
      password: ann.password,
    });
    const here = await connectSocket(p1!.baseUrl, ann.accessToken);
    const there = await connectSocket(p2!.baseUrl, ann.accessToken);
    const otherThere = await connectSocket(p2!.baseUrl, otherDevice.body.accessToken);
    sockets.push(here, there, otherThere);

    const started = Date.now();
    const logout = await p1!.http.post('/api/auth/logout', undefined, {
      cookie: ann.refreshCookie,
    });
    expect(logout.status).toBe(204);
    expect(await there.disconnected(3000)).toBe('io server disconnect');
    expect(await here.disconnected(3000)).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(3000);
    await otherThere.roundTrip();
    expect(otherThere.socket.connected).toBe(true);
    // The other sign-in still refreshes.
    const refreshed = await p2!.http.post('/api/auth/refresh', undefined, {
      cookie: refreshCookieOf(otherDevice.headers),
    });
    expect(refreshed.status).toBe(200);
  }, 30_000);
});
