import { expect, test } from '@playwright/test';
import { signUp } from './support/users';

test.use({ viewport: { width: 375, height: 740 } });

test('the phone drawer keeps the focus inside and Escape gives it back to the menu button', async ({
  page,
}) => {
  await signUp(page, 'fay');
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  const sidebar = page.getByRole('complementary', { name: 'Conversations and people' });
  await menu.click();
  await expect(sidebar).toBeVisible();
  const inDrawer = () => page.evaluate(() => Boolean(document.activeElement?.closest('#sidebar')));
  await expect.poll(inDrawer).toBe(true);
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    expect(await inDrawer()).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await inDrawer()).toBe(true);

  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();
  await expect(menu).toBeFocused();
});
