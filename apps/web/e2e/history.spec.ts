import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectDelivered, messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

test('scrolling up loads older history, and a reader scrolled up gets a "new messages" pill', async ({
  browser,
}) => {
  const writerContext = await browser.newContext();
  const readerContext = await browser.newContext();
  const writer = await writerContext.newPage();
  const reader = await readerContext.newPage();
  await signUp(writer, 'hal');
  const ivy = await signUp(reader, 'ivy');
  const tag = randomBytes(2).toString('hex');

  // 60 messages in a private thread: more than the first page of 50.
  await writer.goto(`/u/${ivy.username}`);
  for (let i = 1; i <= 60; i += 1) await sendMessage(writer, `${tag} line ${i}`);
  await expectDelivered(writer, `${tag} line 60`);

  await reader.goto('/');
  await reader
    .getByRole('list', { name: 'Private threads' })
    .getByRole('link', { name: /Hal/ })
    .click();
  const log = messageLog(reader);
  await expect(log).toContainText(`${tag} line 60`);
  await expect(log).not.toContainText(`${tag} line 10`);

  // Scroll to the top: the older page comes in above.
  const scroller = reader.locator('.message-list__scroller');
  await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(log).toContainText(`${tag} line 1`);
  await expect(reader.getByText('This is the beginning of the conversation.')).toBeVisible();

  // Reading old messages, a new one does not yank the view down: a pill offers to jump.
  await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
  await sendMessage(writer, `${tag} fresh`);
  await expect(log).toContainText(`${tag} fresh`);
  const pill = reader.getByRole('button', { name: /New messages/ });
  await expect(pill).toBeVisible();
  await pill.click();
  await expect(pill).toBeHidden();
  await expect(log.getByText(`${tag} fresh`)).toBeInViewport();

  await writerContext.close();
  await readerContext.close();
});
