import { expect, test, type Page } from '@playwright/test';
import { expectDelivered, messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

/** The sidebar's link to a conversation in "Private threads" whose name starts with `title`. */
function threadLink(page: Page, title: string) {
  return page
    .getByRole('list', { name: 'Private threads' })
    .getByRole('link', { name: new RegExp(`^${title}, group`) });
}

/** Searches the picker for a username and ticks that person. */
async function pick(page: Page, username: string) {
  const dialog = page.getByRole('dialog', { name: 'New group' });
  await dialog.getByLabel('Search people to add').fill(username);
  await dialog.getByRole('checkbox', { name: new RegExp(`@${username}`) }).check();
}

test('three browsers in a group: created from the picker, listed in every sidebar with unread, messages live', async ({
  browser,
}) => {
  const pages = await Promise.all(
    [0, 1, 2].map(async () => (await browser.newContext()).newPage()),
  );
  const [amy, ben, cal] = pages as [Page, Page, Page];
  await signUp(amy, 'amy');
  const benUser = await signUp(ben, 'ben');
  const calUser = await signUp(cal, 'cal');
  const name = `Trip ${Date.now().toString(36)}`;

  // Too few people is refused in the dialog, before anything is sent.
  await amy.getByRole('button', { name: 'New group' }).click();
  const dialog = amy.getByRole('dialog', { name: 'New group' });
  await pick(amy, benUser.username);
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Pick at least 2 people (1 more)');
  await pick(amy, calUser.username);
  await dialog.getByLabel('Group name').fill(name);
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(amy).toHaveURL(/\/g\/[0-9a-f-]+$/);
  await expect(amy.getByRole('heading', { name })).toBeVisible();

  // The others learn of the group at once, without reloading.
  await expect(threadLink(ben, name)).toBeVisible();
  await expect(threadLink(cal, name)).toBeVisible();

  // Amy writes; Ben and Cal, elsewhere, see an unread badge on the group.
  await sendMessage(amy, 'dinner at eight?');
  await expectDelivered(amy, 'dinner at eight?');
  await expect(threadLink(ben, name)).toHaveAccessibleName(new RegExp(`^${name}, group, 1 unread`));
  await expect(threadLink(cal, name)).toHaveAccessibleName(new RegExp(`^${name}, group, 1 unread`));

  // Ben and Cal open it; a reply from Ben reaches both others live.
  await threadLink(ben, name).click();
  await threadLink(cal, name).click();
  await expect(messageLog(ben).getByText('dinner at eight?')).toBeVisible();
  await expect(threadLink(ben, name)).toHaveAccessibleName(new RegExp(`^${name}, group$`));
  await sendMessage(ben, 'eight works');
  await expect(messageLog(amy).getByText('eight works')).toBeVisible();
  await expect(messageLog(cal).getByText('eight works')).toBeVisible();
  await sendMessage(cal, 'see you there');
  await expect(messageLog(amy).getByText('see you there')).toBeVisible();
  await expect(messageLog(ben).getByText('see you there')).toBeVisible();
  await expect(amy.getByText('3 people:')).toBeVisible();
});
