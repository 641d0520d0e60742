import { expect, test, type Page } from '@playwright/test';
import { expectDelivered, messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

/** What one page's WebSockets carried: how many it opened, and every frame both ways. */
function watchSockets(page: Page) {
  const seen = { opened: 0, sent: [] as string[], received: [] as string[] };
  page.on('websocket', (socket) => {
    seen.opened += 1;
    socket.on('framesent', (frame) => void seen.sent.push(String(frame.payload)));
    socket.on('framereceived', (frame) => void seen.received.push(String(frame.payload)));
  });
  return seen;
}

const refreshAsked = (frames: string[]) => frames.some((f) => f.startsWith('42["auth:expiring"'));
const refreshSent = (frames: string[]) => frames.some((f) => /^42\d+\["auth:refresh"/.test(f));
const refreshAccepted = (frames: string[]) =>
  frames.some((f) => /^43\d+\[\{"ok":true,"data":\{"expiresAt":/.test(f));

// This project's server runs on port 4175 with CORS_ORIGINS naming neither address used here,
// and access tokens that live 12 seconds.
test('served on another port, the app chats live at 127.0.0.1 and at localhost, and its sockets re-authenticate without dropping the conversation', async ({
  browser,
  baseURL,
}) => {
  const port = new URL(baseURL!).port;
  expect(port).not.toBe('3000');
  const aliceContext = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const bobContext = await browser.newContext({ baseURL: `http://localhost:${port}` });
  const alicePage = await aliceContext.newPage();
  const bobPage = await bobContext.newPage();
  const aliceSockets = watchSockets(alicePage);
  const bobSockets = watchSockets(bobPage);

  await signUp(alicePage, 'alice');
  await signUp(bobPage, 'bob');
  const signedInAt = Date.now();
  await expect(alicePage).toHaveURL(`http://127.0.0.1:${port}/`);
  await expect(bobPage).toHaveURL(`http://localhost:${port}/`);

  // Both in the lobby's general chat, live both ways.
  await sendMessage(alicePage, 'Hello from 127.0.0.1');
  await expectDelivered(alicePage, 'Hello from 127.0.0.1');
  await expect(messageLog(bobPage)).toContainText('Hello from 127.0.0.1');
  await sendMessage(bobPage, 'Hello from localhost');
  await expect(messageLog(alicePage)).toContainText('Hello from localhost');
  const aliceOpened = aliceSockets.opened;
  const bobOpened = bobSockets.opened;

  // Before the 12-second tokens run out the server asks, and each page answers on its live
  // socket with a fresh token.
  for (const seen of [aliceSockets, bobSockets]) {
    await expect.poll(() => refreshAsked(seen.received), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => refreshSent(seen.sent), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => refreshAccepted(seen.received), { timeout: 5_000 }).toBe(true);
  }
  // Past the first tokens' expiry: still the same sockets, still live, no banner.
  await alicePage.waitForTimeout(Math.max(0, signedInAt + 14_000 - Date.now()));
  await sendMessage(alicePage, 'Still here after my token rotated');
  await expectDelivered(alicePage, 'Still here after my token rotated');
  await expect(messageLog(bobPage)).toContainText('Still here after my token rotated');
  await sendMessage(bobPage, 'Me too');
  await expect(messageLog(alicePage)).toContainText('Me too');
  expect(aliceSockets.opened).toBe(aliceOpened);
  expect(bobSockets.opened).toBe(bobOpened);
  await expect(alicePage.getByText('Reconnecting…')).toBeHidden();
  await expect(bobPage.getByText('Reconnecting…')).toBeHidden();

  await aliceContext.close();
  await bobContext.close();
});
