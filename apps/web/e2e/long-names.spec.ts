import { expect, test, type Locator } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { signUp } from './support/users';

/** Nothing inside sticks out of the element (it may be cut with an ellipsis). */
async function expectContained(box: Locator) {
  const overflow = await box.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a 64-character room name without spaces stays in its card and header, desktop and mobile', async ({
  page,
}) => {
  await signUp(page, 'lena');
  const name = `Longname${randomBytes(2).toString('hex')}`.padEnd(64, 'x');
  const slug = name.toLowerCase();
  await page.goto('/rooms');
  await page.getByRole('button', { name: 'New room' }).click();
  const dialog = page.getByRole('dialog', { name: 'New room' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create room' }).click();
  await expect(page).toHaveURL(`/rooms/${slug}`);

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 740 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto('/rooms');
    await page.getByLabel('Search rooms').fill(slug.slice(0, 12));
    const card = page
      .getByRole('list', { name: 'Rooms', exact: true })
      .getByRole('listitem')
      .first();
    await expect(card).toContainText(`#${slug}`);
    await expectContained(card);
    await expect(card.getByRole('link', { name: `#${slug}` })).toHaveAttribute('title', `#${slug}`);
    await expect(card.getByText(name, { exact: true })).toHaveAttribute('title', name);

    await page.goto(`/rooms/${slug}`);
    const header = page.locator('.conversation__header');
    await expect(header.getByRole('heading', { name: `#${slug}` })).toHaveAttribute(
      'title',
      `#${slug}`,
    );
    await expectContained(header);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
  }
});
