import { expect, test } from '@playwright/test';
import { messageLog } from './support/chat';

// The chromium-bot project runs this against a server with BOT_ENABLED=true, BOT_INTERVAL_MS=500.
test('the lobby shows bot chatter marked as simulated', async ({ page }) => {
  await page.goto('/');
  const simulated = messageLog(page).getByText('simulated', { exact: true });
  await expect(simulated.first()).toBeVisible({ timeout: 30_000 });
  await expect(simulated.first()).toHaveAttribute('title', /demo bot/);
  await expect.poll(() => simulated.count(), { timeout: 30_000 }).toBeGreaterThan(2);
  await page.screenshot({ path: 'e2e/artifacts/screens/lobby-bot.png' });
});
