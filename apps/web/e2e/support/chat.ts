import { expect, type Page } from '@playwright/test';

/** The conversation's message log. */
export function messageLog(page: Page) {
  return page.getByRole('log');
}

/** Types into the composer and sends with Enter, as a person would. */
export async function sendMessage(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
}

/** Waits until the message is in the log and acknowledged (no longer "Sending…"). */
export async function expectDelivered(page: Page, text: string) {
  const item = messageLog(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.message__body').getByText(text, { exact: true }) });
  await expect(item).toBeVisible();
  await expect(item).not.toContainText('Sending…');
  await expect(item).not.toContainText('Not sent');
}

/** Texts of the log's messages that match, in on-screen order. */
export async function bodiesMatching(page: Page, pattern: RegExp): Promise<string[]> {
  const bodies = await messageLog(page).locator('.message__body').allInnerTexts();
  return bodies.filter((body) => pattern.test(body));
}
