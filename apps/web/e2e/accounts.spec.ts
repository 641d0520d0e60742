import { expect, test } from '@playwright/test';
import { signUp } from './support/users';

test('sign up, find yourself in the directory, edit the profile and keep it after a reload', async ({
  page,
}) => {
  const me = await signUp(page, 'ada', 'Ada Lovelace');
  await expect(page).toHaveURL('/');

  const people = page.getByRole('list', { name: 'People' });
  await page.getByLabel('Search people').fill(me.username);
  await expect(people.getByRole('link', { name: /Ada Lovelace/ })).toBeVisible();

  await page.getByRole('link', { name: /Your profile/ }).click();
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await page.getByLabel('Display name').fill('Countess Ada');
  await page.getByLabel('Bio').fill('Wrote the first program.');
  await page.getByLabel('Location').fill('London');
  await page.getByRole('radio', { name: 'Teal' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/screens/profile.png' });

  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByLabel('Display name')).toHaveValue('Countess Ada');
  await expect(page.getByLabel('Bio')).toHaveValue('Wrote the first program.');
  await expect(page.getByLabel('Location')).toHaveValue('London');
  await expect(page.getByRole('radio', { name: 'Teal' })).toBeChecked();
  await expect(page.getByRole('link', { name: 'Your profile: Countess Ada' })).toBeVisible();
});

test('an invalid sign-up shows the problem next to the field', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Username').fill('no spaces allowed');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/at least 8 characters/);
});

test('signing out leaves a visitor who can log back in', async ({ page }) => {
  const me = await signUp(page, 'grace');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Username').fill(me.username);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
