import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
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
  // The composer's "+" menu; its last item chooses every seat.
  await alicePage.getByRole('button', { name: 'More actions' }).click();
  await alicePage.getByRole('menuitem', { name: 'Tic-tac-toe: choose who plays…' }).click();
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

test('two people play each other in a thread: an open seat, turns, a refusal, the winning line', async ({
  browser,
}) => {
  const alicePage = await (await browser.newContext()).newPage();
  const bobPage = await (await browser.newContext()).newPage();
  const alice = await signUp(alicePage, 'alice');
  const bob = await signUp(bobPage, 'bob');
  await bobPage.goto(`/u/${alice.username}`);
  await expect(bobPage.getByRole('heading', { name: /Alice/ })).toBeVisible();
  await alicePage.goto(`/u/${bob.username}`);
  await expect(alicePage.getByRole('heading', { name: /Bob/ })).toBeVisible();

  // The menu button: it says it has a menu, Escape closes it and gives the focus back.
  const more = alicePage.getByRole('button', { name: 'More actions' });
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const menu = alicePage.getByRole('menu', { name: 'More actions' });
  await expect(menu.getByRole('menuitem')).toHaveCount(4);
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await alicePage.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  // Opened from the keyboard, the arrow reaches the second item: Alice plays X, O is open.
  await alicePage.keyboard.press('Enter');
  await alicePage.keyboard.press('ArrowDown');
  await expect(
    menu.getByRole('menuitem', { name: 'Play tic-tac-toe against anyone here' }),
  ).toBeFocused();
  await alicePage.keyboard.press('Enter');
  await expect(menu).toBeHidden();

  const aliceBoard = messageLog(alicePage).getByRole('group', { name: 'Tic-tac-toe board' });
  const bobBoard = messageLog(bobPage).getByRole('group', { name: 'Tic-tac-toe board' });
  await expect(messageLog(alicePage).getByText('Your turn (X).')).toBeVisible();
  await expect(messageLog(bobPage).getByText('X to move: Alice.')).toBeVisible();
  await expect(messageLog(bobPage).getByText('X: Alice · O: anyone')).toBeVisible();

  // Bob moves first, out of turn: refused, said so, and the board is unchanged.
  await bobBoard.getByRole('button', { name: 'Place X in row 2, column 2' }).click();
  await expect(messageLog(bobPage).getByRole('alert')).toHaveText('It is not your turn');
  await expect(bobBoard.getByRole('button', { name: /^[XO] in row/ })).toHaveCount(0);

  const cell = (mark: string, row: number, column: number) =>
    `${mark} in row ${row}, column ${column}`;
  const move = async (page: Page, mark: 'X' | 'O', row: number, column: number) => {
    const board = page === alicePage ? aliceBoard : bobBoard;
    await board.getByRole('button', { name: `Place ${cell(mark, row, column)}` }).click();
    // Both browsers see it.
    for (const other of [aliceBoard, bobBoard]) {
      await expect(
        other.getByRole('button', { name: new RegExp(`^${cell(mark, row, column)}`) }),
      ).toBeVisible();
    }
  };

  await move(alicePage, 'X', 1, 1);
  // Bob takes the open seat by moving.
  await move(bobPage, 'O', 2, 1);
  await expect(messageLog(alicePage).getByText('X: Alice · O: Bob')).toBeVisible();
  await expect(messageLog(bobPage).getByRole('alert')).toHaveCount(0);
  await move(alicePage, 'X', 1, 2);
  // Now Alice tries again, out of turn.
  await aliceBoard.getByRole('button', { name: 'Place O in row 3, column 3' }).click();
  await expect(messageLog(alicePage).getByRole('alert')).toHaveText('It is not your turn');
  await move(bobPage, 'O', 2, 2);
  await move(alicePage, 'X', 1, 3);

  // The top row wins, shown to both.
  for (const board of [aliceBoard, bobBoard]) {
    await expect(board.getByRole('button', { name: /winning line/ })).toHaveCount(3);
    for (const column of [1, 2, 3]) {
      await expect(
        board.getByRole('button', { name: `${cell('X', 1, column)}, winning line` }),
      ).toBeVisible();
    }
  }
  await expect(messageLog(alicePage).getByText('You won as X!')).toBeVisible();
  await expect(messageLog(bobPage).getByText('X won: Alice.')).toBeVisible();
  // The game is over: the free cells are disabled for both.
  for (const board of [aliceBoard, bobBoard]) {
    await expect(board.getByRole('button', { name: /^Place/ }).first()).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  }

  // Moves made while a browser was away are caught up: Bob reloads and sees the end.
  await bobPage.reload();
  await expect(bobBoard.getByRole('button', { name: /winning line/ })).toHaveCount(3);
  await expect(messageLog(bobPage).getByText('X won: Alice.')).toBeVisible();
});

test('an AI-vs-AI game in a room plays out live in another browser, and a reload catches up', async ({
  browser,
}) => {
  const name = `Arcade ${randomBytes(2).toString('hex')}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const hostPage = await (await browser.newContext()).newPage();
  const watcherPage = await (await browser.newContext()).newPage();
  await signUp(hostPage, 'hana');
  await signUp(watcherPage, 'walt');
  await hostPage.goto('/rooms');
  await hostPage.getByRole('button', { name: 'New room' }).click();
  const dialog = hostPage.getByRole('dialog', { name: 'New room' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create room' }).click();
  await expect(hostPage).toHaveURL(`/rooms/${slug}`);
  await watcherPage.goto(`/rooms/${slug}`);
  await watcherPage.getByRole('button', { name: 'Join room' }).click();
  await expect(watcherPage.getByRole('button', { name: 'Leave room' })).toBeVisible();

  await hostPage.getByRole('button', { name: 'More actions' }).click();
  await hostPage
    .getByRole('menuitem', { name: 'Watch the AI play tic-tac-toe against itself' })
    .click();
  const board = messageLog(watcherPage).getByRole('group', { name: 'Tic-tac-toe board' });
  const marks = board.getByRole('button', { name: /^[XO] in row/ });
  // The watcher sees it move by move: a board still in play with some marks on it.
  await expect(messageLog(watcherPage).getByText('X: the AI · O: the AI')).toBeVisible();
  await expect(async () => {
    const count = await marks.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(9);
  }).toPass();
  // Two perfect players draw; a reload mid-game or after it shows the same end.
  await watcherPage.reload();
  await expect(messageLog(watcherPage).getByText('Draw.')).toBeVisible({ timeout: 30_000 });
  await expect(marks).toHaveCount(9);
  await expect(messageLog(hostPage).getByText('Draw.')).toBeVisible();
});
