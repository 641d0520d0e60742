import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

async function joinRoom(page: Page, slug: string) {
  await page.goto(`/rooms/${slug}`);
  await page.getByRole('button', { name: 'Join room' }).click();
  await expect(page.getByRole('button', { name: 'Leave room' })).toBeVisible();
}

test('three people in a room see each other in who’s here and each other’s messages', async ({
  browser,
}) => {
  const name = `Night Owls ${randomBytes(2).toString('hex')}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const people = ['ann', 'ben', 'cat'];
  const contexts = await Promise.all(people.map(() => browser.newContext()));
  const pages = await Promise.all(contexts.map((context) => context.newPage()));
  const [ann, ben, cat] = pages as [Page, Page, Page];
  for (const [index, page] of pages.entries()) await signUp(page, people[index]!);

  // Ann creates the room through the dialog.
  await ann.goto('/rooms');
  await ann.getByRole('button', { name: 'New room' }).click();
  const dialog = ann.getByRole('dialog', { name: 'New room' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Topic').fill('For the late hours');
  await dialog.getByRole('button', { name: 'Create room' }).click();
  await expect(ann).toHaveURL(`/rooms/${slug}`);
  await expect(ann.getByRole('button', { name: 'Leave room' })).toBeVisible();

  await joinRoom(ben, slug);
  await joinRoom(cat, slug);
  // A joined room is one of "my rooms" in the sidebar.
  await expect(
    ben.getByRole('list', { name: 'My rooms' }).getByRole('link', { name: new RegExp(slug) }),
  ).toBeVisible();

  for (const page of pages) {
    const here = page.getByRole('list', { name: 'Who’s here' });
    for (const person of ['Ann', 'Ben', 'Cat']) await expect(here).toContainText(person);
  }

  // Typing shows up for the others while Ben writes.
  await ben.getByRole('textbox', { name: 'Message' }).pressSequentially('Ben says');
  await expect(ann.getByText('Ben is typing…')).toBeVisible();
  await ben.getByRole('textbox', { name: 'Message' }).fill('');

  await sendMessage(ann, 'Ann says hi');
  await sendMessage(ben, 'Ben says hi');
  await sendMessage(cat, 'Cat says hi');
  for (const page of pages) {
    for (const text of ['Ann says hi', 'Ben says hi', 'Cat says hi'])
      await expect(messageLog(page)).toContainText(text);
  }
  await cat.screenshot({ path: 'e2e/artifacts/screens/room.png' });

  // Cat leaves: the others see her go from who's here.
  await cat.getByRole('button', { name: 'Leave room' }).click();
  await expect(cat.getByRole('button', { name: 'Join room' })).toBeVisible();
  await expect(
    cat.getByRole('list', { name: 'My rooms' }).getByRole('link', { name: new RegExp(slug) }),
  ).toHaveCount(0);
  await expect(ann.getByRole('list', { name: 'Who’s here' })).not.toContainText('Cat');

  for (const context of contexts) await context.close();
});

test('a taken room name is reported in the dialog, and an unknown room offers to create it', async ({
  page,
}) => {
  await signUp(page, 'dora');
  const slug = `quiet-${randomBytes(2).toString('hex')}`;

  await page.goto(`/rooms/${slug}`);
  await expect(page.getByText(`There is no room called #${slug} yet.`)).toBeVisible();
  await page.getByRole('button', { name: `Create #${slug}` }).click();
  await page
    .getByRole('dialog', { name: 'New room' })
    .getByRole('button', { name: 'Create room' })
    .click();
  await expect(page.getByRole('button', { name: 'Leave room' })).toBeVisible();

  await page.goto('/rooms');
  await expect(page.getByRole('list', { name: 'Rooms' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'New room' }).click();
  const dialog = page.getByRole('dialog', { name: 'New room' });
  await dialog.getByLabel('Name').fill(slug.toUpperCase());
  await dialog.getByRole('button', { name: 'Create room' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription(
    new RegExp(`#${slug} already exists`),
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the room header counts members as they join and leave, and leaving is announced', async ({
  browser,
}) => {
  const name = `Counted ${randomBytes(2).toString('hex')}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const ownerContext = await browser.newContext();
  const guestContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const other = await guestContext.newPage();
  await signUp(owner, 'olga');
  await signUp(other, 'pete');

  await owner.goto('/rooms');
  await owner.getByRole('button', { name: 'New room' }).click();
  const dialog = owner.getByRole('dialog', { name: 'New room' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create room' }).click();
  await expect(owner).toHaveURL(`/rooms/${slug}`);
  const header = owner.locator('.conversation__header');
  await expect(header).toContainText('1 member');

  await joinRoom(other, slug);
  await expect(messageLog(owner)).toContainText('“Pete” joined');
  await expect(header).toContainText('2 members');

  await other.getByRole('button', { name: 'Leave room' }).click();
  await expect(messageLog(owner)).toContainText('“Pete” left');
  await expect(header).toContainText('1 member');

  await ownerContext.close();
  await guestContext.close();
});
