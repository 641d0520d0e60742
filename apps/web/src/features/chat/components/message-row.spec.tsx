import type { Message } from '@chat/contracts';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { emptyList, mergeMessages } from '../logic/message-list';
import { ALICE, BOB, message } from '../logic/test-messages';
import { MessageActionsContext, type MessageActions } from './message-actions';
import { MessageList } from './message-list';

function renderWithActions(messages: Message[], overrides: Partial<MessageActions> = {}) {
  const actions: MessageActions = {
    myId: ALICE.id,
    myUsername: ALICE.username,
    editingId: null,
    setEditing: vi.fn(),
    edit: vi.fn(async () => undefined),
    remove: vi.fn(async () => undefined),
    react: vi.fn(async () => undefined),
    reply: vi.fn(),
    jumpTo: vi.fn(),
    copyLink: vi.fn(async () => undefined),
    quickEmoji: ['👍', '❤️', '😂', '🎉', '😮', '🙏'],
    canPin: false,
    pin: vi.fn(async () => undefined),
    canModerate: false,
    ...overrides,
  };
  render(
    <MessageActionsContext value={actions}>
      <MessageList
        list={mergeMessages(emptyList(), messages)}
        label="Messages"
        myId={ALICE.id}
        notice={null}
        loadingOlder={false}
        onLoadOlder={() => undefined}
        onRetry={() => undefined}
      />
    </MessageActionsContext>,
  );
  return { actions, log: screen.getByRole('log', { name: 'Messages' }) };
}

describe('a message with v2 state', () => {
  it('shows reaction chips with counts, pressed for ours, and a click toggles', async () => {
    const reacted = message(1, {
      reactions: [
        { emoji: '👍', count: 2, userIds: [BOB.id, ALICE.id] },
        { emoji: '🎉', count: 1, userIds: [BOB.id] },
      ],
    });
    const { actions } = renderWithActions([reacted]);
    const mine = screen.getByRole('button', { name: '👍 2, you reacted' });
    const theirs = screen.getByRole('button', { name: '🎉 1' });
    expect(mine).toHaveAttribute('aria-pressed', 'true');
    expect(theirs).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(mine);
    expect(actions.react).toHaveBeenCalledWith(reacted, '👍', false);
    await userEvent.click(theirs);
    expect(actions.react).toHaveBeenCalledWith(reacted, '🎉', true);
  });

  it('shows a tombstone for a deleted message, without reactions or actions', async () => {
    renderWithActions([message(1, { body: '', deletedAt: '2026-01-01T12:00:00.000Z' })]);
    const item = screen.getByRole('listitem');
    expect(item).toHaveTextContent('This message was deleted');
    await userEvent.hover(item);
    expect(screen.queryByRole('toolbar')).toBeNull();
  });

  it('says "(edited)" with the time of the edit on hover', () => {
    renderWithActions([message(1, { rev: 2, editedAt: '2026-01-01T12:05:00.000Z' })]);
    expect(screen.getByText('(edited)')).toHaveAttribute(
      'title',
      `Edited ${new Date('2026-01-01T12:05:00.000Z').toLocaleString()}`,
    );
  });

  it('offers edit and delete on our own message only, reachable by keyboard focus', async () => {
    renderWithActions([message(1, { sender: BOB }), message(2, { sender: ALICE, body: 'mine' })]);
    const [theirs, mine] = screen.getAllByRole('listitem');
    // As a keyboard user gets there: the list is one tab stop, ArrowUp goes to the newest.
    await userEvent.tab();
    await userEvent.keyboard('{ArrowUp}');
    expect(mine).toHaveFocus();
    const tools = within(mine!).getByRole('toolbar', { name: 'Message actions' });
    expect(within(tools).getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(within(tools).getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    await userEvent.keyboard('{ArrowUp}');
    expect(theirs).toHaveFocus();
    const other = within(theirs!).getByRole('toolbar', { name: 'Message actions' });
    expect(within(other).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(other).getByRole('button', { name: 'Reply' })).toBeInTheDocument();
  });

  it('deletes only after the confirmation', async () => {
    const mine = message(1, { sender: ALICE, body: 'regret' });
    const { actions } = renderWithActions([mine]);
    act(() => screen.getByRole('listitem').focus());
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(actions.remove).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Delete this message?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(actions.remove).toHaveBeenCalledWith(mine);
  });

  it('quotes the parent above a reply, and a click jumps to it', async () => {
    const { actions } = renderWithActions([
      message(9, { replyTo: { id: '1003', seq: 3, senderName: 'Alice', excerpt: 'the question' } }),
    ]);
    await userEvent.click(screen.getByRole('button', { name: /Replying to Alice: the question/ }));
    expect(actions.jumpTo).toHaveBeenCalledWith(3);
  });

  it('makes a message that mentions the reader stand out', () => {
    renderWithActions([message(1, { body: `hi @${ALICE.username}`, mentions: [ALICE.id] })]);
    expect(screen.getByRole('listitem')).toHaveClass('message--mentions-me');
    expect(screen.getByText(`@${ALICE.username}`)).toHaveClass('mention--me');
  });

  it('offers Pin (or Unpin) only to those who may pin, and marks a pinned message', async () => {
    const { actions } = renderWithActions(
      [message(1, { pinned: true }), message(2, { body: 'pin me' })],
      { canPin: true },
    );
    const [pinned, other] = screen.getAllByRole('listitem');
    expect(within(pinned!).getByText('Pinned')).toBeInTheDocument();
    expect(within(other!).queryByText('Pinned')).toBeNull();
    await userEvent.hover(pinned!);
    expect(within(pinned!).getByRole('button', { name: 'Unpin' })).toBeInTheDocument();
    await userEvent.hover(other!);
    await userEvent.click(within(other!).getByRole('button', { name: 'Pin' }));
    expect(actions.pin).toHaveBeenCalledWith(expect.objectContaining({ seq: 2 }), true);
  });

  it("hides Pin from those who may not pin; a moderator may delete others' messages", async () => {
    renderWithActions([message(1)], { canModerate: true });
    const item = screen.getByRole('listitem');
    await userEvent.hover(item);
    const tools = within(item).getByRole('toolbar', { name: 'Message actions' });
    expect(within(tools).queryByRole('button', { name: 'Pin' })).toBeNull();
    expect(within(tools).getByRole('button', { name: 'Delete' })).toBeInTheDocument();
  });
});
