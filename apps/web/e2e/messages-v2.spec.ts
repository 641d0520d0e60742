import { expect, test, type Page } from '@playwright/test';
import { expectDelivered, messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

/** The log's item holding a message with exactly this body text. */
function messageItem(page: Page, text: string) {
  return messageLog(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.message__body').getByText(text, { exact: true }) });
}

/** Hovers a message and presses one of its actions, as a person with a mouse would. */
async function act(page: Page, text: string, action: string) {
  const item = messageItem(page, text);
  await item.hover();
  await item
    .getByRole('toolbar', { name: 'Message actions' })
    .getByRole('button', { name: action })
    .click();
}

test('edit, delete, react, reply and mention reach the other browser live, and an offline reader catches up on edits and deletes', async ({
  browser,
}) => {
  const amyContext = await browser.newContext();
  const benContext = await browser.newContext();
  await amyContext.grantPermissions(['clipboard-read', 'clipboard-write']);
  const amy = await amyContext.newPage();
  const ben = await benContext.newPage();
  const amyUser = await signUp(amy, 'amy');
  await signUp(ben, 'ben');
  const tag = `v2-${Date.now()}`;

  // Markdown, live.
  await sendMessage(amy, `hello **${tag}**`);
  await expect(messageLog(ben).locator('strong', { hasText: tag })).toBeVisible();
  const first = `hello ${tag}`;

  // Ben replies to it and mentions Amy through the @ suggestions.
  await act(ben, first, 'Reply');
  const composer = ben.getByRole('textbox', { name: 'Message' });
  await expect(ben.getByText('Replying to')).toContainText('Amy');
  await composer.pressSequentially(`@${amyUser.username.slice(0, 6)}`);
  await ben.getByRole('option', { name: new RegExp(`@${amyUser.username}`) }).click();
  await composer.pressSequentially(`answer ${tag}`);
  await composer.press('Enter');
  const reply = `@${amyUser.username} answer ${tag}`;
  await expectDelivered(ben, reply);

  const amysReply = messageItem(amy, reply);
  await expect(amysReply.getByRole('button', { name: /Replying to Amy/ })).toBeVisible();
  await expect(amysReply.locator('.mention--me')).toHaveText(`@${amyUser.username}`);

  // Amy reacts to the reply; Ben sees the chip, Amy's is pressed.
  await act(amy, reply, 'React');
  await amy.getByRole('button', { name: 'React with 👍' }).click();
  await expect(amysReply.getByRole('button', { name: '👍 1, you reacted' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const bensChip = messageItem(ben, reply).getByRole('button', { name: '👍 1' });
  await expect(bensChip).toHaveAttribute('aria-pressed', 'false');
  // Ben adds his by clicking the chip: two now, for both.
  await bensChip.click();
  await expect(amysReply.getByRole('button', { name: '👍 2, you reacted' })).toBeVisible();

  // Amy edits her message inline; Ben sees the new text and "(edited)".
  await act(amy, first, 'Edit');
  const editBox = amy.getByRole('textbox', { name: 'Edit message' });
  await editBox.fill(`hello again ${tag}`);
  await editBox.press('Enter');
  await expect(messageItem(ben, `hello again ${tag}`)).toContainText('(edited)');
  // The quote above Ben's reply keeps what it answered.
  await expect(
    messageItem(ben, reply).getByRole('button', { name: /Replying to Amy/ }),
  ).toBeVisible();

  // Amy deletes it (after confirming); both see the tombstone.
  await act(amy, `hello again ${tag}`, 'Delete');
  await amy
    .getByRole('dialog', { name: 'Delete this message?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(messageItem(ben, 'This message was deleted')).toBeVisible();
  await expect(messageLog(ben)).not.toContainText(`hello again ${tag}`);

  // Ben goes offline while Amy edits one message and deletes another.
  await sendMessage(amy, `keep ${tag}`);
  await sendMessage(amy, `drop ${tag}`);
  await expect(messageItem(ben, `drop ${tag}`)).toBeVisible();
  await benContext.setOffline(true);
  await expect(ben.getByText(/^Offline/)).toBeVisible();

  await act(amy, `keep ${tag}`, 'Edit');
  await amy.getByRole('textbox', { name: 'Edit message' }).fill(`kept and edited ${tag}`);
  await amy.getByRole('textbox', { name: 'Edit message' }).press('Enter');
  await expect(messageItem(amy, `kept and edited ${tag}`)).toBeVisible();
  await act(amy, `drop ${tag}`, 'Delete');
  await amy
    .getByRole('dialog', { name: 'Delete this message?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(messageLog(amy)).not.toContainText(`drop ${tag}`);
  await expect(messageLog(ben)).toContainText(`drop ${tag}`);

  await benContext.setOffline(false);
  await expect(messageItem(ben, `kept and edited ${tag}`)).toContainText('(edited)');
  await expect(messageLog(ben)).not.toContainText(`drop ${tag}`);
  await expect(messageItem(ben, 'This message was deleted')).toHaveCount(2);

  await amyContext.close();
  await benContext.close();
});

test('Up arrow in the empty composer edits the last message, and a draft survives a reload', async ({
  page,
}) => {
  await signUp(page, 'una');
  const tag = `up-${Date.now()}`;
  await sendMessage(page, `first try ${tag}`);
  await expectDelivered(page, `first try ${tag}`);

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.press('ArrowUp');
  const editBox = page.getByRole('textbox', { name: 'Edit message' });
  await expect(editBox).toHaveValue(`first try ${tag}`);
  await editBox.fill(`second try ${tag}`);
  await editBox.press('Enter');
  await expect(messageItem(page, `second try ${tag}`)).toContainText('(edited)');

  await composer.fill(`unsent thought ${tag}`);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue(`unsent thought ${tag}`);
});
