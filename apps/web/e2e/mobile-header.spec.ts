import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { messageLog } from './support/chat';
import { signUp } from './support/users';

test.use({ viewport: { width: 375, height: 740 } });

test('on a 375 px phone the header is one row and a room keeps the screen for its messages', async ({
  page,
}) => {
  await signUp(page, 'mona', 'Mona Longername');
  const header = page.getByRole('banner');
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await expect(signOut).toBeVisible();
  const menuBox = (await menu.boundingBox())!;
  const signOutBox = (await signOut.boundingBox())!;
  // One row: the first and the last control share a line, and the header is one control tall.
  expect(
    Math.abs(menuBox.y + menuBox.height / 2 - (signOutBox.y + signOutBox.height / 2)),
  ).toBeLessThan(8);
  expect((await header.boundingBox())!.height).toBeLessThan(64);

  const name = `Pocket ${randomBytes(2).toString('hex')}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  await page.goto('/rooms');
  await page.getByRole('button', { name: 'New room' }).click();
  const dialog = page.getByRole('dialog', { name: 'New room' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create room' }).click();
  await expect(page).toHaveURL(`/rooms/${slug}`);

  // The title comes first, the members wait behind a button, the messages get the room.
  const title = page.getByRole('heading', { name: `#${slug}` });
  const here = page.getByRole('list', { name: 'Who’s here' });
  await expect(title).toBeVisible();
  await expect(here).toBeHidden();
  const log = messageLog(page);
  const titleBox = (await title.boundingBox())!;
  expect(titleBox.y).toBeLessThan((await log.boundingBox())!.y);
  const composerTop = (await page.getByRole('textbox', { name: 'Message' }).boundingBox())!.y;
  expect(composerTop - (titleBox.y + titleBox.height)).toBeGreaterThan(740 * 0.55);

  const toggle = page.getByRole('button', { name: /Who’s here/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(here).toBeVisible();
  await expect(here).toContainText('Mona Longername');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(here).toBeHidden();
});
