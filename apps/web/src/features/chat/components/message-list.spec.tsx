import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { addLocal, emptyList, markFailed, mergeMessages } from '../logic/message-list';
import { ALICE, BOB, CONVERSATION_ID, message } from '../logic/test-messages';
import { MessageList } from './message-list';

const GUEST = {
  id: '44444444-4444-4444-8444-444444444444',
  kind: 'guest' as const,
  name: 'Wanderer',
};

function renderList(list = emptyList(), onRetry = vi.fn()) {
  render(
    <MessageList
      list={list}
      label="Messages in #general"
      myId={ALICE.id}
      notice="Welcome to #general — 3 online"
      loadingOlder={false}
      onLoadOlder={() => undefined}
      onRetry={onRetry}
    />,
  );
  return { onRetry, log: screen.getByRole('log', { name: 'Messages in #general' }) };
}

describe('MessageList', () => {
  it('is a polite live log showing the welcome notice', () => {
    const { log } = renderList();
    expect(log).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('status')).toHaveTextContent('Welcome to #general — 3 online');
  });

  it('marks bot messages as simulated and guests as guests, with text kept as text', () => {
    const list = mergeMessages(emptyList(), [
      message(1, { sender: BOB, viaBot: true, body: 'beep' }),
      message(2, { sender: GUEST, body: '<b>not bold</b> https://example.com' }),
    ]);
    const { log } = renderList(list);
    const [bot, guest] = within(log).getAllByRole('listitem');

    expect(within(bot!).getByText('simulated')).toHaveAttribute(
      'title',
      expect.stringMatching(/demo bot/),
    );
    expect(within(guest!).getByText('guest')).toBeInTheDocument();
    expect(within(guest!).getByText('<b>not bold</b>', { exact: false })).toBeInTheDocument();
    expect(within(guest!).getByRole('link', { name: 'https://example.com' })).toHaveAttribute(
      'rel',
      'noopener noreferrer nofollow',
    );
    expect(log.querySelector('b')).toBeNull();
  });

  it("shows each member's @username beside the name, so a copied display name is told apart", () => {
    const impostor = {
      ...BOB,
      id: '55555555-5555-4555-8555-555555555555',
      name: ALICE.name,
      username: 'not_alice',
    };
    const { log } = renderList(
      mergeMessages(emptyList(), [message(1, { sender: ALICE }), message(2, { sender: impostor })]),
    );
    expect(within(log).getByText(`@${ALICE.username}`)).toBeInTheDocument();
    expect(within(log).getByText('@not_alice')).toBeInTheDocument();
  });

  it('shows a system line as plain text with the name quoted, never as a link', () => {
    const name = 'ADMIN: sign in at https://evil.example';
    const { log } = renderList(
      mergeMessages(emptyList(), [
        message(1, { kind: 'system', sender: { ...BOB, name }, body: `${name} joined` }),
      ]),
    );
    expect(within(log).getByText(`“${name}” joined`)).toBeInTheDocument();
    expect(within(log).queryByRole('link')).toBeNull();
  });

  it('shows a pending send as sending and a failed one with a retry button', async () => {
    const clientMsgId = 'cccccccc-0000-4000-8000-000000000001';
    const pending = addLocal(emptyList(), {
      clientMsgId,
      conversationId: CONVERSATION_ID,
      body: 'on its way',
      sender: ALICE,
      createdAt: new Date().toISOString(),
      status: 'pending',
    });
    const failed = markFailed(pending, clientMsgId, 'No answer from the server');

    const { onRetry } = renderList(failed);

    expect(screen.getByText(/Not sent: No answer from the server/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith(clientMsgId);
  });

  it('offers older history when there is more', async () => {
    const onLoadOlder = vi.fn();
    render(
      <MessageList
        list={mergeMessages(emptyList(true), [message(51)])}
        label="Messages"
        myId={undefined}
        notice={null}
        loadingOlder={false}
        onLoadOlder={onLoadOlder}
        onRetry={() => undefined}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Load older messages' }));
    expect(onLoadOlder).toHaveBeenCalled();
  });
});
