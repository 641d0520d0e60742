import { expect, test } from '@playwright/test';
import { messageLog } from './support/chat';
import { signUp } from './support/users';

test('a person plays the AI in a private thread, by mouse and keyboard, and cannot win', async ({
  browser,
}) => {
  const alicePage = await (await browser.newContext()).newPage();
  const bobPage = await (await browser.newContext()).newPage();
  const alice = await signUp(alicePage, 'alice');
  const bob = await signUp(bobPage, 'bob');
  // Bob watches the thread from his own browser.
  await bobPage.goto(`/u/${alice.username}`);
  await expect(bobPage.getByRole('heading', { name: /Alice/ })).toBeVisible();

  await alicePage.goto(`/u/${bob.username}`);
  await expect(alicePage.getByRole('heading', { name: /Bob/ })).toBeVisible();
  await alicePage.getByRole('button', { name: 'Play tic-tac-toe' }).click();
  const form = alicePage.getByRole('form', { name: 'New game' });
  await form.getByLabel('Who plays X').selectOption('me');
  await form.getByLabel('Who plays O').selectOption('ai');
  await form.getByRole('button', { name: 'Start game' }).click();

  const log = messageLog(alicePage);
  const board = log.getByRole('group', { name: 'Tic-tac-toe board' });
  await expect(board.getByRole('button')).toHaveCount(9);
  await expect(log.getByText('Your turn (X).')).toBeVisible();

  // The first move by keyboard: arrows move between cells, Enter plays the focused one.
  await board.getByRole('button', { name: 'Place X in row 1, column 1' }).focus();
  await alicePage.keyboard.press('ArrowRight');
  await alicePage.keyboard.press('Enter');
  await expect(board.getByRole('button', { name: 'X in row 1, column 2' })).toBeVisible();

  // Then by mouse, always in the first free cell, until the game ends. After each of Alice's
  // moves the AI answers, so her k-th turn comes with 2k marks on the board.
  const over = log.getByText(/^(Draw\.|X won|O won|You won)/);
  const marks = board.getByRole('button', { name: /^[XO] in row/ });
  for (let turn = 2; turn <= 5; turn++) {
    await expect(async () => {
      expect((await over.isVisible()) || (await marks.count()) === 2 * (turn - 1)).toBe(true);
    }).toPass();
    if (await over.isVisible()) break;
    await expect(log.getByText('Your turn (X).')).toBeVisible();
    await board
      .getByRole('button', { name: /^Place X in row/ })
      .first()
      .click();
  }
  await expect(over).toBeVisible();
  await expect(over).not.toHaveText(/You won/);
  await expect(over).toHaveText(/^(Draw\.|O won: the AI\.)$/);

  // Bob saw it live: the same end, and no board buttons of his own to win with.
  await expect(messageLog(bobPage).getByText(await over.innerText())).toBeVisible();
  // A rematch starts a new game with the same seats.
  await alicePage.getByRole('button', { name: 'Rematch' }).click();
  await expect(log.getByRole('group', { name: 'Tic-tac-toe board' })).toHaveCount(2);
});
