import { expect, test } from '@playwright/test';
import { expectDelivered, messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

test('a visitor reads general, enters as a guest and posts; others see the guest badge', async ({
  browser,
}) => {
  const memberContext = await browser.newContext();
  const visitorContext = await browser.newContext();
  const member = await memberContext.newPage();
  const visitor = await visitorContext.newPage();
  await signUp(member, 'meg');

  await visitor.goto('/');
  const composer = visitor.getByRole('textbox', { name: 'Message' });
  await expect(composer).toBeDisabled();
  await expect(composer).toHaveAccessibleDescription(/continue as a guest to post/);
  await visitor.screenshot({ path: 'e2e/artifacts/screens/lobby-visitor.png' });

  await visitor.getByLabel('Nickname').fill('Wanderer');
  await visitor.getByRole('button', { name: 'Continue as guest' }).click();
  await expect(composer).toBeEnabled();
  await sendMessage(visitor, 'Hello from a guest');
  await expectDelivered(visitor, 'Hello from a guest');

  const guestMessage = messageLog(member)
    .getByRole('listitem')
    .filter({ hasText: 'Hello from a guest' });
  await expect(guestMessage).toContainText('guest');
  await expect(guestMessage).toContainText('Wanderer');
  await member.screenshot({ path: 'e2e/artifacts/screens/lobby.png' });

  // A guest survives a reload in the same tab.
  await visitor.reload();
  await expect(visitor.getByRole('textbox', { name: 'Message' })).toBeEnabled();
  await expect(messageLog(visitor)).toContainText('Hello from a guest');

  await memberContext.close();
  await visitorContext.close();
});

test('message text with HTML is shown as text, never as markup', async ({ page }) => {
  await signUp(page, 'hal');
  const html =
    '<img src=x onerror="window.__pwned=1"><b>bold?</b><script>window.__pwned=2</script>';
  await sendMessage(page, html);
  await expectDelivered(page, html);
  const log = messageLog(page);
  await expect(log.getByText(html, { exact: true })).toBeVisible();
  await expect(log.locator('img, b, script')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
});
