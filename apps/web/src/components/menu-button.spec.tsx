import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MenuButton } from './menu-button';

function renderMenu() {
  const promote = vi.fn();
  const ban = vi.fn();
  render(
    <MenuButton
      label="Actions for Ann"
      items={[
        { label: 'Make moderator', onSelect: promote },
        { label: 'Ban', onSelect: ban, danger: true },
      ]}
    />,
  );
  return { promote, ban, button: screen.getByRole('button', { name: 'Actions for Ann' }) };
}

describe('MenuButton', () => {
  it('opens a labelled menu with the focus on its first item; arrows move, Escape gives the focus back', async () => {
    const { button } = renderMenu();
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('menu', { name: 'Actions for Ann' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Make moderator' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Ban' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Make moderator' })).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Ban' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('runs the picked item once and closes', async () => {
    const { ban, promote, button } = renderMenu();
    await userEvent.click(button);
    await userEvent.click(screen.getByRole('menuitem', { name: 'Ban' }));
    expect(ban).toHaveBeenCalledTimes(1);
    expect(promote).not.toHaveBeenCalled();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('renders nothing without items (nobody gets an empty menu)', () => {
    const { container } = render(<MenuButton label="Actions for Bob" items={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
