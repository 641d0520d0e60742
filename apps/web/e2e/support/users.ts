import { expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';

/** A username no other test has used (the database lives for the whole run). */
export function uniqueUsername(prefix: string): string {
  return `${prefix}_${randomBytes(3).toString('hex')}`;
}

/** Signs up through the form, as a person would, and waits for the signed-in header. */
export async function signUp(page: Page, prefix: string, displayName?: string) {
  const username = uniqueUsername(prefix);
  const name = displayName ?? prefix.charAt(0).toUpperCase() + prefix.slice(1);
  await page.goto('/signup');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return { username, displayName: name };
}
