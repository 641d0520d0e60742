import type { Message } from '@chat/contracts';
import { describe, expect, it } from 'vitest';
import { decideNotification, type NotifyInput } from './notify-decision';

const ME = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const CONVERSATION = '33333333-3333-4333-8333-333333333333';

function message(overrides: Partial<Message> = {}): Message {
  return {
    id: '1001',
    conversationId: CONVERSATION,
    seq: 1,
    rev: 1,
    sender: { id: BOB, kind: 'user', name: 'Bob', username: 'bob' },
    body: 'Lunch at **noon**?',
    clientMsgId: '00000000-0000-4000-8000-000000000001',
    kind: 'text',
    viaBot: false,
    createdAt: '2026-01-01T12:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    replyTo: null,
    mentions: [],
    reactions: [],
    attachments: [],
    pinned: false,
    game: null,
    ...overrides,
  };
}

function input(overrides: Partial<NotifyInput> = {}): NotifyInput {
  return {
    arrival: 'message',
    message: message(),
    kind: 'direct',
    conversationName: 'Bob',
    myId: ME,
    hidden: true,
    muted: false,
    ...overrides,
  };
}

describe('should this message notify?', () => {
  it('a private message in a hidden tab: yes, titled by its sender, the body as plain text', () => {
    expect(decideNotification(input())).toEqual({
      notify: true,
      title: 'Bob',
      body: 'Lunch at noon?',
      tag: CONVERSATION,
    });
  });

  it('a message in a group names the group', () => {
    const decision = decideNotification(input({ kind: 'group', conversationName: 'Team lunch' }));
    expect(decision).toMatchObject({ notify: true, title: 'Bob in Team lunch' });
  });

  it('a mention in a room or general: yes, saying where', () => {
    const decision = decideNotification(
      input({ arrival: 'mention', kind: 'room', conversationName: '#design' }),
    );
    expect(decision).toMatchObject({ notify: true, title: 'Bob mentioned you in #design' });
    // The `mention:new` may come after the `message:new`; a message that names me is one too.
    const named = decideNotification(
      input({
        kind: 'general',
        conversationName: '#general',
        message: message({ mentions: [ME] }),
      }),
    );
    expect(named).toMatchObject({ notify: true, title: 'Bob mentioned you in #general' });
  });

  it('a plain message in a room or general: no', () => {
    expect(decideNotification(input({ kind: 'room' }))).toEqual({
      notify: false,
      reason: 'not-private-or-mention',
    });
    expect(decideNotification(input({ kind: 'general' }))).toMatchObject({ notify: false });
    // A conversation this tab does not know is not taken for a private one.
    expect(decideNotification(input({ kind: undefined }))).toMatchObject({ notify: false });
  });

  it('the tab is visible: no, even for a mention', () => {
    expect(decideNotification(input({ hidden: false, arrival: 'mention' }))).toEqual({
      notify: false,
      reason: 'visible',
    });
  });

  it('my own message (sent from another tab): no', () => {
    const mine = message({ sender: { id: ME, kind: 'user', name: 'Me' }, mentions: [ME] });
    expect(decideNotification(input({ message: mine, arrival: 'mention' }))).toEqual({
      notify: false,
      reason: 'mine',
    });
  });

  it('a muted conversation: no, mentions included', () => {
    expect(decideNotification(input({ muted: true }))).toEqual({ notify: false, reason: 'muted' });
    expect(decideNotification(input({ muted: true, arrival: 'mention' }))).toMatchObject({
      notify: false,
    });
  });

  it('the bot: no, even when its phrase names me', () => {
    const bot = message({ viaBot: true, mentions: [ME] });
    expect(
      decideNotification(input({ message: bot, arrival: 'mention', kind: 'general' })),
    ).toEqual({ notify: false, reason: 'bot' });
  });

  it('system lines and deleted messages: no', () => {
    const system = message({ kind: 'system', body: 'Bob joined' });
    expect(decideNotification(input({ message: system }))).toMatchObject({ notify: false });
    const gone = message({ body: '', deletedAt: '2026-01-01T12:01:00.000Z' });
    expect(decideNotification(input({ message: gone }))).toMatchObject({ notify: false });
  });

  it('a game started in a thread says so', () => {
    const game = message({ kind: 'game', body: '' });
    expect(decideNotification(input({ message: game }))).toMatchObject({
      notify: true,
      body: 'Started a game of tic-tac-toe',
    });
  });
});
