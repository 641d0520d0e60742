import { expect, test } from '@playwright/test';
import { messageLog } from './support/chat';
import { signUp } from './support/users';

// Runs against the server with the bot on, so the lobby is full of "simulated" messages.
test('the message list is one tab stop, with arrow keys to move between messages', async ({
  page,
}) => {
  await signUp(page, 'kim');
  const simulated = messageLog(page).getByText('simulated', { exact: true });
  await expect.poll(() => simulated.count(), { timeout: 30_000 }).toBeGreaterThan(2);

  const scroller = page.getByLabel('Messages in #general, scrollable');
  await scroller.focus();
  // One Tab leaves the list, whatever it holds, even with the pointer resting on a message
  // (which shows that message's buttons).
  await messageLog(page).locator('li.message').last().hover();
  await page.keyboard.press('Tab');
  const insideLog = () =>
    page.evaluate(() => Boolean(document.activeElement?.closest('[role="log"]')));
  expect(await insideLog()).toBe(false);

  // Inside, the arrow keys walk the messages, newest first from the bottom. The bot keeps
  // posting (every 500 ms), so positions are checked relative to the focused message, which
  // is tagged, not counted from the end of a list that grows under the test.
  await scroller.focus();
  await page.keyboard.press('ArrowUp');
  const tagFocused = (tag: string) =>
    page.evaluate((name) => {
      const item = document.activeElement?.closest('li.message');
      item?.setAttribute('data-e2e', name);
      const all = [...document.querySelectorAll('[role="log"] li.message')];
      return item ? all.length - all.indexOf(item) : null;
    }, tag);
  // The newest message, or the one before it if the bot posted in between.
  expect([1, 2]).toContain(await tagFocused('first'));
  await page.keyboard.press('ArrowUp');
  const previousOfFirst = () =>
    page.evaluate(() => {
      const first = document.querySelector('[data-e2e="first"]');
      const item = document.activeElement?.closest('li.message');
      const all = [...document.querySelectorAll('[role="log"] li.message')];
      return item && first ? all.indexOf(first) - all.indexOf(item) : null;
    });
  expect(await previousOfFirst()).toBe(1);
  await page.keyboard.press('ArrowDown');
  expect(await previousOfFirst()).toBe(0);
});
