import { expect, test } from '@playwright/test';
import { signUp } from './support/users';

test('a new account is told once that its profile is a sample, and can opt out of the bot', async ({
  page,
}) => {
  await signUp(page, 'newbie');
  const notice = page.getByRole('status').filter({ hasText: 'We filled in a sample profile' });
  await expect(notice).toHaveText(/We filled in a sample profile — edit it/);
  await notice.getByRole('link', { name: 'edit it' }).click();
  await expect(page).toHaveURL('/me');

  const optOut = page.getByRole('checkbox', { name: 'Never let the demo bot post as me' });
  await expect(optOut).not.toBeChecked();
  await optOut.check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();

  // Told once: a reload does not say it again; the opt-out is kept.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(
    page.getByRole('checkbox', { name: 'Never let the demo bot post as me' }),
  ).toBeChecked();
  await expect(page.getByText('We filled in a sample profile')).toHaveCount(0);
});

test("a guest cannot take a member's display name", async ({ browser }) => {
  const memberContext = await browser.newContext();
  const visitorContext = await browser.newContext();
  const member = await signUp(
    await memberContext.newPage(),
    'grace',
    `Grace ${Date.now() % 100000}`,
  );
  const visitor = await visitorContext.newPage();
  await visitor.goto('/');
  const nickname = visitor.getByLabel('Nickname');
  await nickname.fill(`  ${member.displayName.toUpperCase()} `);
  await visitor.getByRole('button', { name: 'Continue as guest' }).click();
  await expect(nickname).toHaveAccessibleDescription(/A member uses this name/);
  await expect(nickname).toBeFocused();
  await expect(visitor.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await memberContext.close();
  await visitorContext.close();
});
