import type { Message, MessageSender } from '@chat/contracts';

export const ALICE: MessageSender = {
  id: '11111111-1111-4111-8111-111111111111',
  kind: 'user',
  name: 'Alice',
  username: 'alice',
};
export const BOB: MessageSender = {
  id: '22222222-2222-4222-8222-222222222222',
  kind: 'user',
  name: 'Bob',
  username: 'bob',
};
export const CONVERSATION_ID = '33333333-3333-4333-8333-333333333333';

let counter = 0;

/** A stored message with the given seq; its id and clientMsgId are derived unless given. */
export function message(seq: number, overrides: Partial<Message> = {}): Message {
  counter += 1;
  return {
    id: String(1000 + seq),
    conversationId: CONVERSATION_ID,
    seq,
    rev: seq,
    sender: BOB,
    body: `message ${seq}`,
    clientMsgId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    kind: 'text',
    viaBot: false,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
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
