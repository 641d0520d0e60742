import { expect, test } from '@playwright/test';
import { bodiesMatching, expectDelivered, messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

test('two people chat privately both ways, with unread badges and history after a reload', async ({
  browser,
}) => {
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  const alicePage = await aliceContext.newPage();
  const bobPage = await bobContext.newPage();
  const alice = await signUp(alicePage, 'alice');
  const bob = await signUp(bobPage, 'bob');

  // Alice finds Bob in the directory, online, and opens the thread.
  await alicePage.getByLabel('Search people').fill(bob.username);
  await expect(
    alicePage
      .getByRole('list', { name: 'People' })
      .getByRole('link', { name: /Bob/ })
      .getByRole('img', { name: 'online' }),
  ).toBeVisible();
  await alicePage.getByRole('list', { name: 'People' }).getByRole('link', { name: /Bob/ }).click();
  await expect(alicePage).toHaveURL(`/u/${bob.username}`);
  await expect(alicePage.getByRole('heading', { name: /Bob/ })).toBeVisible();
  await sendMessage(alicePage, 'Hi Bob, it is Alice');
  await expectDelivered(alicePage, 'Hi Bob, it is Alice');

  // Bob is in the lobby: the thread shows up unread, with a count in the title bar.
  const bobsThread = bobPage
    .getByRole('list', { name: 'Private threads' })
    .getByRole('link', { name: /Alice/ });
  await expect(bobsThread).toHaveAccessibleName('Alice, 1 unread');
  await expect(bobsThread).toContainText('Hi Bob, it is Alice');
  await expect(bobPage).toHaveTitle('(1) Chat');

  // Opening it marks it read; Bob answers.
  await bobsThread.click();
  await expect(bobPage).toHaveURL(`/u/${alice.username}`);
  await expect(messageLog(bobPage)).toContainText('Hi Bob, it is Alice');
  await expect(bobPage).toHaveTitle('Chat');
  await expect(bobsThread).toHaveAccessibleName('Alice');
  await sendMessage(bobPage, 'Hello Alice, Bob here');
  await expectDelivered(bobPage, 'Hello Alice, Bob here');

  await expect(messageLog(alicePage)).toContainText('Hello Alice, Bob here');
  await sendMessage(alicePage, 'Great to hear from you');
  await expect(messageLog(bobPage)).toContainText('Great to hear from you');
  await alicePage.screenshot({ path: 'e2e/artifacts/screens/thread.png' });

  // History survives a reload, in order.
  await bobPage.reload();
  await expect(messageLog(bobPage)).toContainText('Great to hear from you');
  expect(await bodiesMatching(bobPage, /./)).toEqual([
    'Hi Bob, it is Alice',
    'Hello Alice, Bob here',
    'Great to hear from you',
  ]);

  await aliceContext.close();
  await bobContext.close();
});
