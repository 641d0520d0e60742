import { expect, test } from '@playwright/test';
import { messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

test.use({ viewport: { width: 360, height: 740 } });

test('on a 360 px phone the sidebar is a drawer and the chat fits the screen', async ({ page }) => {
  // No slide-in animation, so the drawer's screenshot shows it in place.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const me = await signUp(page, 'pia');
  const sidebar = page.getByRole('complementary', { name: 'Conversations and people' });
  await expect(sidebar).toBeHidden();

  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(sidebar).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: 'e2e/artifacts/screens/phone-drawer.png' });
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();
  await menu.click();
  await sidebar.getByRole('button', { name: 'Close menu' }).click();
  await expect(sidebar).toBeHidden();

  await sendMessage(page, 'Hello from a phone');
  await expect(messageLog(page)).toContainText('Hello from a phone');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: 'e2e/artifacts/screens/phone-lobby.png' });

  // Navigating from the drawer closes it.
  await menu.click();
  await sidebar.getByLabel('Search people').fill(me.username);
  await sidebar.getByRole('link', { name: /Pia/ }).click();
  await expect(page).toHaveURL(`/u/${me.username}`);
  await expect(sidebar).toBeHidden();
});
