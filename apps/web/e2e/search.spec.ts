import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import { messageLog } from './support/chat';
import { signUp } from './support/users';

/** Letters only: one word to PostgreSQL's parser, and no other test holds it. */
const word = () =>
  `s${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

async function post(request: APIRequestContext, token: string, roomId: string, body: string) {
  const res = await request.post(`/api/conversations/${roomId}/messages`, {
    headers: { authorization: `Bearer ${token}` },
    data: { clientMsgId: randomUUID(), body },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; seq: number };
}

test('search finds a message by a word, arrow keys pick a hit, Enter opens it in its conversation with history loaded around it', async ({
  page,
}) => {
  const sue = await signUp(page, 'sue');
  // The same account over REST, to post many messages quickly.
  const login = await page.request.post('/api/auth/login', {
    data: { username: sue.username, password: 'correct horse battery' },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const tag = word();
  const created = await page.request.post('/api/rooms', {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { name: `Search ${tag}` },
  });
  const room = (await created.json()) as { id: string; slug: string };

  // The old message is followed by 60 others, so it is not on the first page of 50.
  const old = await post(page.request, accessToken, room.id, `the needle ${tag} is here`);
  for (let i = 1; i <= 60; i += 1)
    await post(page.request, accessToken, room.id, `${tag} filler ${i}`);
  const recent = await post(page.request, accessToken, room.id, `another needle ${tag}`);

  // From the lobby, the header's button opens the search box.
  await page.goto('/');
  await page.getByRole('button', { name: 'Search messages' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search messages' });
  const input = dialog.getByRole('combobox', { name: 'Search messages' });
  await expect(input).toBeFocused();
  await input.fill(`needle ${tag}`);

  const results = dialog.getByRole('listbox', { name: 'Matching messages' });
  const group = results.getByRole('group', { name: `#${room.slug}` });
  const options = group.getByRole('option');
  await expect(options).toHaveCount(2);
  // Newest first, the matched words marked.
  await expect(options.nth(0)).toContainText(`another needle ${tag}`);
  await expect(options.nth(1)).toContainText(`the needle ${tag} is here`);
  await expect(options.nth(1).locator('mark')).toHaveText(['needle', tag]);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  // The open box with its results passes axe (serious and critical, as accessibility.spec).
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);

  await input.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/rooms/${room.slug}#message-${old.seq}$`));
  const target = page.locator(`#message-${old.seq}`);
  await expect(target).toContainText(`the needle ${tag} is here`);
  await expect(target).toBeInViewport();
  await expect(target).toBeFocused();
  // Loaded around it: everything since, and the newest message too.
  await expect(messageLog(page)).toContainText(`${tag} filler 30`);
  await expect(page.locator(`#message-${recent.seq}`)).toHaveCount(1);

  // Ctrl+K from inside the conversation; Enter on the first hit jumps within it.
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Search messages' }).fill(`needle ${tag}`);
  await expect(options).toHaveCount(2);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator(`#message-${recent.seq}`)).toBeInViewport();
  await expect(page.locator(`#message-${recent.seq}`)).toBeFocused();
});

test('a search with nothing to find says so; Escape closes the box', async ({ page }) => {
  await signUp(page, 'tom');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search messages' });
  await dialog.getByRole('combobox', { name: 'Search messages' }).fill(word());
  await expect(dialog.getByRole('status')).toHaveText('No messages found.');
  await dialog.getByRole('combobox', { name: 'Search messages' }).fill('"!');
  await expect(dialog.getByRole('status')).toHaveText('Type at least one word.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
