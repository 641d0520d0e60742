import { expect, test } from '@playwright/test';

test('the built API serves the app and reports itself healthy', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Chat', exact: true })).toBeVisible();
  await expect(page.getByText('Server: ok')).toBeVisible();
});
