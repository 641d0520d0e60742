import { expect, test } from '@playwright/test';
import { expectDelivered, messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

test('opening an unread thread by its URL, or reloading it, marks it read', async ({ browser }) => {
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  const alicePage = await aliceContext.newPage();
  const bobPage = await bobContext.newPage();
  const alice = await signUp(alicePage, 'alice');
  const bob = await signUp(bobPage, 'bob');

  await alicePage.goto(`/u/${bob.username}`);
  await sendMessage(alicePage, 'Are you there, Bob?');
  await expectDelivered(alicePage, 'Are you there, Bob?');

  const bobsThread = bobPage
    .getByRole('list', { name: 'Private threads' })
    .getByRole('link', { name: /Alice/ });
  await expect(bobsThread).toHaveAccessibleName('Alice, 1 unread');

  // By its URL, not by clicking the thread; the thread list's answer is computed before the
  // read marker lands and arrives after it, as on a slow connection.
  await bobPage.route('**/api/threads', async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.fulfill({ response });
  });
  await bobPage.goto(`/u/${alice.username}`);
  await expect(messageLog(bobPage)).toContainText('Are you there, Bob?');
  await expect(bobsThread).toHaveAccessibleName('Alice');
  await expect(bobPage).toHaveTitle('Chat');

  // A new message while reading it, then a reload: still read.
  await sendMessage(alicePage, 'Second line');
  await expect(messageLog(bobPage)).toContainText('Second line');
  await expect(bobsThread).toHaveAccessibleName('Alice');
  await bobPage.reload();
  await expect(messageLog(bobPage)).toContainText('Second line');
  await expect(bobsThread).toHaveAccessibleName('Alice');
  await expect(bobPage).toHaveTitle('Chat');

  await aliceContext.close();
  await bobContext.close();
});
