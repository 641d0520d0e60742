import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { signUp } from './support/users';

const PEOPLE = 36;

/** People signed up over the API, with their tokens (they "use the app" as bare sockets). */
async function signUpMany(baseURL: string, prefix: string, count: number) {
  const people: Array<{ username: string; displayName: string; token: string }> = [];
  for (let i = 0; i < count; i++) {
    const index = String(i).padStart(2, '0');
    const username = `${prefix}_${index}`;
    const response = await fetch(`${baseURL}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username,
        password: 'correct horse battery',
        displayName: `Crowd ${prefix} ${index}`,
      }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { accessToken: string };
    people.push({ username, displayName: `Crowd ${prefix} ${index}`, token: body.accessToken });
  }
  return people;
}

function connect(baseURL: string, token: string): Promise<Socket> {
  const socket = io(baseURL, { auth: { token }, transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('session', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const dotOf = (page: Page, displayName: string) =>
  page
    .getByRole('list', { name: 'People' })
    .getByRole('link', { name: new RegExp(displayName) })
    .getByRole('img');

test('the directory’s online dots follow the people on screen, and after scrolling', async ({
  page,
  baseURL,
}) => {
  const prefix = `crowd${randomBytes(2).toString('hex')}`;
  const people = await signUpMany(baseURL!, prefix, PEOPLE);
  const [first, , , last] = [people[0]!, people[1], people[2], people.at(-1)!];
  await signUp(page, 'watcher');

  // Everyone in the crowd, offline, the list longer than the screen.
  await page.getByLabel('Search people').fill(prefix);
  // The search has applied once the first page holds only the crowd.
  const list = page.getByRole('list', { name: 'People' });
  await expect(list.getByRole('link', { name: new RegExp(prefix) })).toHaveCount(20);
  await expect(list.getByRole('link')).toHaveCount(20);
  await expect(dotOf(page, first.displayName)).toHaveAccessibleName('offline');
  await page.getByRole('button', { name: 'Show more people' }).click();
  await expect(page.getByRole('list', { name: 'People' }).getByRole('link')).toHaveCount(PEOPLE);
  await expect(dotOf(page, last.displayName)).toHaveAccessibleName('offline');
  await page.getByRole('heading', { name: 'People' }).scrollIntoViewIfNeeded();

  const sockets: Socket[] = [];
  try {
    // A row on screen: its dot turns on, and off again, without a reload.
    sockets.push(await connect(baseURL!, first.token));
    await expect(dotOf(page, first.displayName)).toHaveAccessibleName('online');
    sockets.pop()!.disconnect();
    await expect(dotOf(page, first.displayName)).toHaveAccessibleName('offline');

    // The last row came online while it was off screen; scrolling to it shows it online, and
    // from then on it follows.
    const lastSocket = await connect(baseURL!, last.token);
    sockets.push(lastSocket);
    await dotOf(page, last.displayName).scrollIntoViewIfNeeded();
    await expect(dotOf(page, last.displayName)).toHaveAccessibleName('online');
    lastSocket.disconnect();
    await expect(dotOf(page, last.displayName)).toHaveAccessibleName('offline');
  } finally {
    sockets.forEach((socket) => socket.disconnect());
  }
});
