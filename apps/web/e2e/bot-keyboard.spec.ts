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
  // One Tab leaves the list, whatever it holds.
  await page.keyboard.press('Tab');
  const insideLog = () =>
    page.evaluate(() => Boolean(document.activeElement?.closest('[role="log"]')));
  expect(await insideLog()).toBe(false);

  // Inside, the arrow keys walk the messages, newest first from the bottom.
  await scroller.focus();
  await page.keyboard.press('ArrowUp');
  const focused = () =>
    page.evaluate(() => {
      const item = document.activeElement?.closest('li.message');
      const all = [...document.querySelectorAll('[role="log"] li.message')];
      return item ? all.indexOf(item) - all.length : null;
    });
  expect(await focused()).toBe(-1);
  await page.keyboard.press('ArrowUp');
  expect(await focused()).toBe(-2);
  await page.keyboard.press('ArrowDown');
  expect(await focused()).toBe(-1);
});
