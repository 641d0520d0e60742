import { defineConfig } from '@playwright/test';
import { baseConfig, chromium } from './e2e/support/base-config';
import { e2eServer } from './e2e/support/e2e-env';
import { apiWebServer } from './e2e/support/web-server';

// The built API (BOT_ENABLED=false) serving the built SPA: `pnpm test:e2e` builds both first.
const server = e2eServer(4173, { bot: false });

export default defineConfig({
  ...baseConfig,
  testIgnore: ['**/bot-*.spec.ts'],
  use: { ...baseConfig.use, baseURL: `http://localhost:${server.port}` },
  projects: [{ name: 'chromium', use: chromium }],
  webServer: apiWebServer(server),
});
