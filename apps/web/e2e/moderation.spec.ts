import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectDelivered, messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

async function joinRoom(page: Page, slug: string) {
  await page.goto(`/rooms/${slug}`);
  await page.getByRole('button', { name: 'Join room' }).click();
  await expect(page.getByRole('button', { name: 'Leave room' })).toBeVisible();
}

/** Opens the member list and picks an action from one member's menu. */
async function memberAction(page: Page, displayName: string, action: string) {
  const members = page.getByRole('button', { name: 'Members', exact: true });
  if ((await members.getAttribute('aria-expanded')) !== 'true') await members.click();
  await page.getByRole('button', { name: `Actions for ${displayName}` }).click();
  await page
    .getByRole('menu', { name: `Actions for ${displayName}` })
    .getByRole('menuitem', { name: action })
    .click();
}

function messageItem(page: Page, text: string) {
  return messageLog(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.message__body').getByText(text, { exact: true }) });
}

test('an owner promotes a moderator who bans a third user, whose browser loses the room at once; pins and archive show everywhere', async ({
  browser,
}) => {
  const [owner, mod, third] = (await Promise.all(
    [0, 1, 2].map(async () => (await browser.newContext()).newPage()),
  )) as [Page, Page, Page];
  const tag = randomBytes(3).toString('hex');
  await signUp(owner, 'olga', `Olga ${tag}`);
  await signUp(mod, 'mo', `Mo ${tag}`);
  await signUp(third, 'tess', `Tess ${tag}`);

  const name = `Ops ${tag}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  await owner.goto('/rooms');
  await owner.getByRole('button', { name: 'New room' }).click();
  const dialog = owner.getByRole('dialog', { name: 'New room' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create room' }).click();
  await expect(owner).toHaveURL(`/rooms/${slug}`);
  await joinRoom(mod, slug);
  await joinRoom(third, slug);
  await expect(
    third.getByRole('list', { name: 'My rooms' }).getByRole('link', { name: new RegExp(slug) }),
  ).toBeVisible();

  // A member has no menu over others.
  await third.getByRole('button', { name: 'Members', exact: true }).click();
  await expect(third.getByRole('button', { name: `Actions for Mo ${tag}` })).toHaveCount(0);

  // The owner makes Mo a moderator; Mo's view gains the moderator's tools.
  await memberAction(owner, `Mo ${tag}`, 'Make moderator');
  await expect(owner.getByRole('list', { name: 'Members' })).toContainText(`Mo ${tag} (moderator)`);
  await expect(mod.getByRole('button', { name: 'Room settings' })).toBeVisible();

  // Mo pins Olga's message; Tess sees the pin marker, Olga sees it in the pinned panel.
  await sendMessage(owner, `read the runbook ${tag}`);
  await expectDelivered(owner, `read the runbook ${tag}`);
  const pinned = messageItem(mod, `read the runbook ${tag}`);
  await pinned.hover();
  await pinned
    .getByRole('toolbar', { name: 'Message actions' })
    .getByRole('button', { name: 'Pin' })
    .click();
  await expect(messageItem(third, `read the runbook ${tag}`).getByText('Pinned')).toBeVisible();
  await owner.getByRole('button', { name: 'Pinned (1)' }).click();
  await owner
    .getByRole('region', { name: 'Pinned messages' })
    .getByRole('button', { name: new RegExp(`read the runbook ${tag}`) })
    .click();
  await expect(messageItem(owner, `read the runbook ${tag}`)).toBeFocused();

  // Mo bans Tess: her browser loses the room at once, and it leaves her rooms.
  await memberAction(mod, `Tess ${tag}`, 'Ban');
  await expect(third.getByRole('alert')).toHaveText('You are banned from this room.');
  await expect(third.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  await expect(
    third.getByRole('list', { name: 'My rooms' }).getByRole('link', { name: new RegExp(slug) }),
  ).toHaveCount(0);
  await expect(mod.getByRole('list', { name: 'Banned users' })).toContainText(`Tess ${tag}`);

  // Olga archives the room: everyone sees the banner and no composer; unarchive opens it again.
  await owner.getByRole('button', { name: 'Room settings' }).click();
  await owner.getByRole('button', { name: 'Archive room' }).click();
  await expect(mod.getByRole('status').filter({ hasText: 'This room is archived' })).toBeVisible();
  await expect(mod.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  await owner.getByRole('button', { name: 'Room settings' }).click();
  await owner.getByRole('button', { name: 'Unarchive room' }).click();
  await expect(mod.getByRole('textbox', { name: 'Message' })).toBeVisible();
});
