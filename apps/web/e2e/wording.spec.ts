import { expect, test } from '@playwright/test';
import { signUp } from './support/users';

test('a visitor sees no empty "My rooms", a plain invitation for a room and a 404 with a way back', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '# general' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /My rooms/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'All rooms' })).toBeVisible();

  await page.goto('/rooms/no-such-room-here');
  await expect(page.getByText('Rooms are for people with an account')).toHaveCount(0);
  await expect(page.getByText(/Log in or sign up to open #no-such-room-here/)).toBeVisible();

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the lobby' }).click();
  await expect(page).toHaveURL('/');
});

test('a guest is offered an account as well as a way out', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Nickname').fill('Drifter');
  await page.getByRole('button', { name: 'Continue as guest' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign up' })).toBeVisible();
});

test('a signed-in person opening /signup is told so instead of seeing the form', async ({
  page,
}) => {
  const me = await signUp(page, 'sam');
  await page.goto('/signup');
  await expect(page.getByRole('form', { name: 'Sign up' })).toHaveCount(0);
  await expect(page.getByText(`You are signed in as ${me.displayName}.`)).toBeVisible();
});
