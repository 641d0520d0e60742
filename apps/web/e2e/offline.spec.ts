import { expect, test } from '@playwright/test';
import { bodiesMatching, expectDelivered, messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

test('a reader who goes offline gets the missed messages back, in order, when back', async ({
  browser,
}) => {
  const writerContext = await browser.newContext();
  const readerContext = await browser.newContext();
  const writer = await writerContext.newPage();
  const reader = await readerContext.newPage();
  await signUp(writer, 'wes');
  await signUp(reader, 'rita');
  const tag = `gap-${Date.now()}`;

  await sendMessage(writer, `${tag} before`);
  await expect(messageLog(reader)).toContainText(`${tag} before`);

  await readerContext.setOffline(true);
  await expect(reader.getByText(/^Offline/)).toBeVisible();
  for (let i = 1; i <= 5; i += 1) {
    await sendMessage(writer, `${tag} missed ${i}`);
    await expectDelivered(writer, `${tag} missed ${i}`);
  }
  await expect(messageLog(reader)).not.toContainText(`${tag} missed 1`);

  await readerContext.setOffline(false);
  await expect(messageLog(reader)).toContainText(`${tag} missed 5`);
  await expect(reader.getByText(/^Offline|Reconnecting/)).toBeHidden();
  expect(await bodiesMatching(reader, new RegExp(tag))).toEqual([
    `${tag} before`,
    ...[1, 2, 3, 4, 5].map((i) => `${tag} missed ${i}`),
  ]);

  await writerContext.close();
  await readerContext.close();
});

test('a message written offline shows as sending and is delivered exactly once when back', async ({
  browser,
}) => {
  const senderContext = await browser.newContext();
  const watcherContext = await browser.newContext();
  const sender = await senderContext.newPage();
  const watcher = await watcherContext.newPage();
  await signUp(sender, 'sol');
  await signUp(watcher, 'wyn');
  const text = `written offline ${Date.now()}`;

  await senderContext.setOffline(true);
  await expect(sender.getByText(/^Offline/)).toBeVisible();
  await sendMessage(sender, text);
  await expect(messageLog(sender).getByRole('listitem').filter({ hasText: text })).toContainText(
    'Sending…',
  );

  await senderContext.setOffline(false);
  await expectDelivered(sender, text);
  await expect(messageLog(watcher)).toContainText(text);

  // Exactly once, for both of them, also after a reload.
  expect(await bodiesMatching(watcher, new RegExp(text))).toHaveLength(1);
  expect(await bodiesMatching(sender, new RegExp(text))).toHaveLength(1);
  await watcher.reload();
  await expect(messageLog(watcher)).toContainText(text);
  expect(await bodiesMatching(watcher, new RegExp(text))).toHaveLength(1);

  await senderContext.close();
  await watcherContext.close();
});

test('a message left sending when the tab closes is kept, with a warning, and sent on the next visit', async ({
  browser,
}) => {
  const senderContext = await browser.newContext();
  const watcherContext = await browser.newContext();
  const sender = await senderContext.newPage();
  const watcher = await watcherContext.newPage();
  await signUp(sender, 'tia');
  await signUp(watcher, 'ward');
  const text = `closed while sending ${Date.now()}`;

  await senderContext.setOffline(true);
  await expect(sender.getByRole('status').filter({ hasText: 'Server:' })).toHaveText(
    'Server: unreachable (offline)',
  );
  await sendMessage(sender, text);
  await expect(messageLog(sender).getByRole('listitem').filter({ hasText: text })).toContainText(
    'Sending…',
  );

  // Closing asks first; the person leaves anyway (a blank tab keeps the browser open).
  const again = await senderContext.newPage();
  const warned = sender.waitForEvent('dialog');
  const closed = new Promise((resolve) => sender.once('close', resolve));
  await sender.close({ runBeforeUnload: true });
  const dialog = await warned;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
  await closed;

  await senderContext.setOffline(false);
  await again.goto('/');
  await expectDelivered(again, text);
  await expect(messageLog(watcher)).toContainText(text);
  expect(await bodiesMatching(watcher, new RegExp(text))).toHaveLength(1);
  await again.reload();
  await expect(messageLog(again)).toContainText(text);
  expect(await bodiesMatching(again, new RegExp(text))).toHaveLength(1);

  await senderContext.close();
  await watcherContext.close();
});
