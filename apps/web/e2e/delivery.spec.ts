import { expect, test } from '@playwright/test';

test('the page revalidates, its hashed scripts come compressed and cached for a year', async ({
  request,
}) => {
  const page = await request.get('/', { headers: { 'accept-encoding': 'br, gzip' } });
  expect(page.headers()['cache-control']).toBe('no-cache');
  const html = await page.text();
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
    (match) => match[1]!,
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const path of scripts) {
    const brotli = await request.get(path, { headers: { 'accept-encoding': 'gzip, br' } });
    expect({ path, encoding: brotli.headers()['content-encoding'] }).toEqual({
      path,
      encoding: 'br',
    });
    expect(brotli.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers()['content-encoding']).toBe('gzip');
    // Both decode to the same file.
    expect((await gzip.body()).equals(await brotli.body())).toBe(true);
  }
});

test('the lobby loads without the code of the other pages', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/');
  await expect(page.getByRole('log')).toBeVisible();
  expect(scripts.some((path) => /profile|me-page|room-page|thread-page/.test(path))).toBe(false);

  // Opening another page fetches its chunk then.
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(scripts.some((path) => /login-page/.test(path))).toBe(true);
});
