import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { bodiesMatching, messageLog } from './support/chat';
import { startCluster, waitForHealth, type E2eCluster } from './support/cluster';
import { signUp, uniqueUsername } from './support/users';

// Ports after the three shared servers (E2E_PORT, +1, +2): two API processes and their Redis.
const basePort = Number(process.env.E2E_PORT ?? 4173) + 3;

/**
 * Live gap detection: Redis is killed for a moment between two API processes while messages
 * flow, so the browser's process never hears of some of them. The next live message carries a
 * seq past the one the page expects; the page fetches the gap at once (GET …/changes) and ends
 * up with every message, without reconnecting.
 */
test.describe('a Redis blip between two processes', () => {
  let cluster: E2eCluster;
  test.beforeAll(async () => {
    cluster = await startCluster(basePort, 'gap');
  });
  test.afterAll(async () => {
    await cluster?.stop();
  });

  test('the open conversation fills the gap without reconnecting', async ({ browser }) => {
    const [browserOrigin, senderOrigin] = cluster.origins;
    // The sender posts over REST on the other process: its messages reach the page only
    // through Redis.
    const signup = await fetch(`${senderOrigin}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: uniqueUsername('sender'),
        password: 'correct horse battery',
        displayName: 'Sender',
      }),
    });
    const { accessToken } = (await signup.json()) as { accessToken: string };
    const rooms = await fetch(`${senderOrigin}/api/rooms`).then((res) => res.json());
    const general = (rooms as { items: Array<{ id: string; kind: string }> }).items.find(
      (c) => c.kind === 'general',
    )!;
    const post = async (body: string) => {
      const res = await fetch(`${senderOrigin}/api/conversations/${general.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ clientMsgId: randomUUID(), body }),
      });
      expect(res.status).toBe(201);
    };

    const context = await browser.newContext({ baseURL: browserOrigin });
    const page = await context.newPage();
    let sockets = 0;
    page.on('websocket', () => (sockets += 1));
    await signUp(page, 'reader');
    await expect(messageLog(page)).toBeVisible();
    await post('before the blip');
    await expect(messageLog(page).getByText('before the blip')).toBeVisible();
    const socketsBefore = sockets;

    await cluster.stopRedis();
    for (const n of [1, 2, 3]) await post(`during the blip ${n}`);
    // The page really missed them: nothing reached it while Redis was down.
    await page.waitForTimeout(1000);
    expect(await bodiesMatching(page, /during the blip/)).toEqual([]);

    await cluster.startRedis();
    await Promise.all(cluster.origins.map((origin) => waitForHealth(origin)));
    // The first message after the blip may still race the adapter's re-subscription: post
    // until one arrives live.
    let arrived = false;
    for (let attempt = 0; attempt < 20 && !arrived; attempt++) {
      await post(`after the blip ${attempt}`);
      arrived = await messageLog(page)
        .getByText(`after the blip ${attempt}`)
        .waitFor({ timeout: 1000 })
        .then(
          () => true,
          () => false,
        );
    }
    expect(arrived).toBe(true);
    await expect
      .poll(() => bodiesMatching(page, /during the blip/))
      .toEqual(['during the blip 1', 'during the blip 2', 'during the blip 3']);
    // In order, before the messages that came after them.
    const all = await bodiesMatching(page, /the blip/);
    expect(all.slice(0, 4)).toEqual([
      'before the blip',
      'during the blip 1',
      'during the blip 2',
      'during the blip 3',
    ]);
    expect(sockets).toBe(socketsBefore);
    await context.close();
  });
});
