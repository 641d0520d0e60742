import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { signUp } from './support/users';

/** A person signed up over the API; `token` lets a bare socket "use the app" as them. */
async function signUpOverApi(baseURL: string, username: string, displayName: string) {
  const response = await fetch(`${baseURL}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'correct horse battery', displayName }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function connect(baseURL: string, token: string): Promise<Socket> {
  const socket = io(baseURL, { auth: { token }, transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('session', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

test('someone coming online moves up the directory at once, and back down on leaving', async ({
  page,
  baseURL,
}) => {
  const tag = `dir${randomBytes(2).toString('hex')}`;
  for (const letter of ['a', 'b'])
    await signUpOverApi(baseURL!, `${tag}_${letter}`, `${tag} ${letter}`);
  const zoe = await signUpOverApi(baseURL!, `${tag}_z`, `${tag} z`);
  await signUp(page, 'watcher');
  await page.getByLabel('Search people').fill(tag);
  const rows = page.getByRole('list', { name: 'People' }).getByRole('link');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText(`${tag} a`);

  const socket = await connect(baseURL!, zoe);
  try {
    await expect(rows.first()).toContainText(`${tag} z`);
    await expect(rows.first().getByRole('img')).toHaveAccessibleName('online');
  } finally {
    socket.close();
  }
  await expect(rows.last()).toContainText(`${tag} z`);
  await expect(rows.last().getByRole('img')).toHaveAccessibleName('offline');
});

test('a private thread says whether the other person is online, not "N online"', async ({
  browser,
}) => {
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  const alice = await aliceContext.newPage();
  const bobPage = await bobContext.newPage();
  await signUp(alice, 'alice');
  const bob = await signUp(bobPage, 'bob');

  await alice.goto(`/u/${bob.username}`);
  await expect(alice.getByRole('heading', { name: bob.displayName })).toBeVisible();
  const main = alice.getByRole('main');
  await expect(main.getByText('Online', { exact: true })).toBeVisible();
  await expect(main).not.toContainText(/\d+ online/);

  await bobContext.close();
  await expect(main.getByText('Offline', { exact: true })).toBeVisible();
  await aliceContext.close();
});

test('the rooms list counts the owner as online while they are elsewhere in the app', async ({
  page,
}) => {
  await signUp(page, 'owner');
  const name = `Count ${randomBytes(3).toString('hex')}`;
  await page.goto('/rooms');
  await page.getByRole('button', { name: 'New room' }).click();
  const dialog = page.getByRole('dialog', { name: 'New room' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('button', { name: 'Leave room' })).toBeVisible();

  await page.goto('/rooms');
  await page.getByLabel(/Search rooms/).fill(name);
  const card = page.getByRole('main').getByRole('listitem').filter({ hasText: name });
  await expect(card).toContainText('1 online');
});
