import { defineConfig } from '@playwright/test';
import { baseConfig, chromium } from './e2e/support/base-config';
import { e2eServer } from './e2e/support/e2e-env';
import { apiWebServer } from './e2e/support/web-server';

// The lobby's bot chatter needs the bot on (BOT_ENABLED=true, BOT_INTERVAL_MS=500), so these
// specs run against their own server and database: `pnpm --filter @chat/web e2e:bot`.
const server = e2eServer(4174, { bot: true });

export default defineConfig({
  ...baseConfig,
  testMatch: ['**/bot-*.spec.ts'],
  use: { ...baseConfig.use, baseURL: `http://localhost:${server.port}` },
  projects: [{ name: 'chromium-bot', use: chromium }],
  webServer: apiWebServer(server),
});
