import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SocketSession } from '../../../lib/socket';
import { SocketContext } from '../../../lib/socket-context';
import { GameMenu } from './game-menu';

const CONVERSATION = '33333333-3333-4333-8333-333333333333';

/** A socket whose `game:start` is recorded and answered with success. */
function fakeSession() {
  const emitWithAck = vi.fn(async () => ({ ok: true, data: {} }));
  const socket = { timeout: () => ({ emitWithAck }) };
  return { session: { socket } as unknown as SocketSession, emitWithAck };
}

function renderMenu() {
  const fake = fakeSession();
  render(
    <SocketContext value={fake.session}>
      <GameMenu conversationId={CONVERSATION} />
    </SocketContext>,
  );
  return { ...fake, button: screen.getByRole('button', { name: 'More actions' }) };
}

describe('the composer menu that starts a game', () => {
  it('is a menu button: opens on the first item, arrows move, Escape closes and gives the focus back', async () => {
    const { button } = renderMenu();
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const items = screen.getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Play tic-tac-toe against the AI',
      'Play tic-tac-toe against anyone here',
      'Watch the AI play tic-tac-toe against itself',
      'Tic-tac-toe: choose who plays…',
    ]);
    expect(items[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(items[3]).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('a quick start sends its seats', async () => {
    const { button, emitWithAck } = renderMenu();
    await userEvent.click(button);
    await userEvent.click(screen.getByRole('menuitem', { name: /against anyone here/ }));
    expect(emitWithAck).toHaveBeenCalledWith('game:start', {
      conversationId: CONVERSATION,
      x: 'me',
      o: 'open',
    });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('"choose who plays" opens the seat form on its first choice; Escape cancels it', async () => {
    const { button, emitWithAck } = renderMenu();
    await userEvent.click(button);
    await userEvent.click(screen.getByRole('menuitem', { name: /choose who plays/ }));
    const form = screen.getByRole('form', { name: 'New game' });
    expect(screen.getByLabelText('Who plays X')).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(form).not.toBeInTheDocument();
    expect(button).toHaveFocus();

    await userEvent.click(button);
    await userEvent.click(screen.getByRole('menuitem', { name: /choose who plays/ }));
    await userEvent.selectOptions(screen.getByLabelText('Who plays X'), 'ai');
    await userEvent.selectOptions(screen.getByLabelText('Who plays O'), 'open');
    await userEvent.click(screen.getByRole('button', { name: 'Start game' }));
    expect(emitWithAck).toHaveBeenCalledWith('game:start', {
      conversationId: CONVERSATION,
      x: 'ai',
      o: 'open',
    });
  });
});
