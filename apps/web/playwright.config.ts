import { defineConfig } from '@playwright/test';
import { baseConfig, chromium } from './e2e/support/base-config';
import { e2eServer } from './e2e/support/e2e-env';
import { apiWebServer } from './e2e/support/web-server';

// The built API serving the built SPA (`pnpm test:e2e` builds both first), twice: the bot off
// for every spec that needs a quiet lobby, and on (BOT_ENABLED=true, BOT_INTERVAL_MS=500) for
// the bot-*.spec.ts files. Each server has its own fresh database.
// E2E_PORT moves the three servers (E2E_PORT and the next two ports), for runs side by side on one machine.
const basePort = Number(process.env.E2E_PORT ?? 4173);
const quiet = e2eServer(basePort, { bot: false });
const withBot = e2eServer(basePort + 1, { bot: true });
const BOT_SPECS = '**/bot-*.spec.ts';
// The app opened where nobody configured it: a non-default port, reached at 127.0.0.1 and at
// localhost, neither in CORS_ORIGINS; short-lived access tokens so sockets re-authenticate.
const ownOrigin = e2eServer(basePort + 2, {
  bot: false,
  name: 'origin',
  corsOrigins: 'http://dev.invalid:5173',
  accessTokenTtlS: 12,
});
const OWN_ORIGIN_SPECS = '**/own-origin.spec.ts';

export default defineConfig({
  ...baseConfig,
  projects: [
    {
      name: 'chromium',
      testIgnore: [BOT_SPECS, OWN_ORIGIN_SPECS],
      use: { ...chromium, baseURL: `http://localhost:${quiet.port}` },
    },
    {
      name: 'chromium-bot',
      testMatch: BOT_SPECS,
      use: { ...chromium, baseURL: `http://localhost:${withBot.port}` },
    },
    {
      name: 'chromium-own-origin',
      testMatch: OWN_ORIGIN_SPECS,
      use: { ...chromium, baseURL: `http://127.0.0.1:${ownOrigin.port}` },
    },
  ],
  webServer: [apiWebServer(quiet), apiWebServer(withBot), apiWebServer(ownOrigin)],
});
