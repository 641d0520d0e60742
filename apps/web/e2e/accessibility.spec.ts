import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { signUp } from './support/users';

/** Serious and critical fail the run; minor and moderate are for a person to weigh. */
const FAILING = new Set(['serious', 'critical']);

async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const failing = results.violations
    .filter((violation) => FAILING.has(violation.impact ?? ''))
    .map((violation) => ({
      screen,
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  expect(failing).toEqual([]);
}

/** Someone to open a private thread with, signed up over the API. */
async function signUpOther(baseURL: string) {
  const username = `axe_${randomBytes(3).toString('hex')}`;
  const response = await fetch(`${baseURL}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'correct horse battery', displayName: 'Axel' }),
  });
  expect(response.status).toBe(201);
  return username;
}

const SCHEMES = ['light', 'dark'] as const;
const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'mobile', viewport: { width: 375, height: 740 } },
] as const;

for (const colorScheme of SCHEMES) {
  for (const size of SCREENS) {
    test.describe(`${colorScheme}, ${size.name}`, () => {
      test.use({ colorScheme, viewport: size.viewport });

      test(`every screen passes axe (${colorScheme}, ${size.name})`, async ({ page, baseURL }) => {
        // As a visitor: the lobby, log in, sign up and a page that does not exist.
        await page.goto('/');
        await expect(page.getByRole('log')).toBeVisible();
        await expectAccessible(page, 'lobby (visitor)');
        await page.goto('/login');
        await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
        await expectAccessible(page, 'login');
        await page.goto('/signup');
        await expect(page.getByRole('button', { name: 'Sign up' })).toBeVisible();
        await expectAccessible(page, 'signup');
        await page.goto('/no/such/page');
        await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
        await expectAccessible(page, '404');

        // Signed in: the lobby, the rooms, a room, a private thread and the profile.
        const other = await signUpOther(baseURL!);
        await signUp(page, 'axe');
        await expect(page.getByRole('log')).toBeVisible();
        await expectAccessible(page, 'lobby');

        await page.goto('/rooms');
        await page.getByRole('button', { name: 'New room' }).click();
        const dialog = page.getByRole('dialog', { name: 'New room' });
        await expectAccessible(page, 'new room dialog');
        await dialog.getByLabel('Name').fill(`Axe ${randomBytes(3).toString('hex')}`);
        await dialog.getByRole('button', { name: 'Create room' }).click();
        await expect(page.getByRole('button', { name: 'Leave room' })).toBeVisible();
        await expect(page.getByRole('log')).toBeVisible();
        await expectAccessible(page, 'room');
        await page.getByRole('button', { name: 'Members', exact: true }).click();
        await page.getByRole('button', { name: /^Pinned/ }).click();
        await expect(page.getByRole('list', { name: 'Banned users' })).toBeAttached();
        await expectAccessible(page, 'room with members, bans and pins');
        await page.getByRole('button', { name: 'Room settings' }).click();
        await expect(page.getByRole('dialog', { name: /^Settings of/ })).toBeVisible();
        await expectAccessible(page, 'room settings dialog');
        await page.keyboard.press('Escape');
        await page.goto('/rooms');
        await expect(page.getByRole('heading', { name: /Rooms/ }).first()).toBeVisible();
        await expectAccessible(page, 'rooms');

        await page.goto(`/u/${other}`);
        await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
        await expectAccessible(page, 'thread');

        await page.goto('/me');
        await expect(page.getByRole('button', { name: 'Save profile' })).toBeVisible();
        await expectAccessible(page, 'profile');
      });
    });
  }
}
