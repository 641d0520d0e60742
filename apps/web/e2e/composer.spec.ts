import { expect, test } from '@playwright/test';
import { signUp } from './support/users';

test('the composer grows with a long pasted message up to a third of the screen, then scrolls', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUp(page, 'cora');
  const composer = page.getByRole('textbox', { name: 'Message' });
  const height = () => composer.evaluate((el) => el.getBoundingClientRect().height);
  const oneLine = await height();

  // A paragraph of a few lines, no line breaks typed: it shows in full.
  await composer.fill('A sentence that goes on. '.repeat(20));
  const paragraph = await height();
  expect(paragraph).toBeGreaterThan(oneLine * 2);
  expect(await composer.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);

  // 3,990 characters: as tall as a third of the screen, and scrollable inside.
  await composer.fill('word '.repeat(798));
  expect(await height()).toBeGreaterThan(paragraph);
  expect(await height()).toBeLessThanOrEqual(900 / 3 + 1);
  expect(await height()).toBeGreaterThan(900 / 3 - 40);
  expect(await composer.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);

  // Sent or cleared, it is one line again.
  await composer.fill('');
  expect(await height()).toBe(oneLine);
});
