import { describe, expect, it } from 'vitest';
import {
  addHistoryPage,
  addLocal,
  emptyList,
  lastSeq,
  markFailed,
  markPending,
  mergeMessages,
  type LocalMessage,
} from './message-list';
import { ALICE, CONVERSATION_ID, message } from './test-messages';

const seqs = (list: { messages: { seq: number }[] }) => list.messages.map((m) => m.seq);

function local(clientMsgId: string, body = 'hello'): LocalMessage {
  return {
    clientMsgId,
    conversationId: CONVERSATION_ID,
    body,
    sender: ALICE,
    createdAt: '2026-01-01T12:00:00.000Z',
    status: 'pending',
  };
}

describe('mergeMessages', () => {
  it('orders by seq whatever the arrival order', () => {
    let list = emptyList();
    for (const seq of [3, 1, 5, 2, 4]) list = mergeMessages(list, [message(seq)]);
    expect(seqs(list)).toEqual([1, 2, 3, 4, 5]);
    expect(lastSeq(list)).toBe(5);
  });

  it('orders a batch that arrives shuffled and interleaves it with what is held', () => {
    const list = mergeMessages(mergeMessages(emptyList(), [message(2), message(6)]), [
      message(5),
      message(1),
      message(4),
      message(3),
    ]);
    expect(seqs(list)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('drops a message whose id it already holds', () => {
    const first = message(1);
    const list = mergeMessages(emptyList(), [first]);
    const again = mergeMessages(list, [{ ...first }, { ...first }]);
    expect(again).toBe(list);
    expect(seqs(again)).toEqual([1]);
  });

  it('drops duplicates inside one batch', () => {
    const one = message(1);
    expect(seqs(mergeMessages(emptyList(), [one, { ...one }, message(2)]))).toEqual([1, 2]);
  });
});

describe('delivery states', () => {
  it('shows a send as pending, then replaces it with the stored message on ack', () => {
    let list = addLocal(emptyList(), local('aaaaaaaa-0000-4000-8000-000000000001'));
    expect(list.local).toMatchObject([{ status: 'pending', body: 'hello' }]);

    const stored = message(7, {
      sender: ALICE,
      clientMsgId: 'aaaaaaaa-0000-4000-8000-000000000001',
      body: 'hello',
    });
    list = mergeMessages(list, [stored]);

    expect(list.local).toEqual([]);
    expect(list.messages).toEqual([stored]);
  });

  it('marks a send failed and pending again on retry', () => {
    const id = 'aaaaaaaa-0000-4000-8000-000000000002';
    let list = addLocal(emptyList(), local(id));
    list = markFailed(list, id, 'No answer from the server');
    expect(list.local).toMatchObject([{ status: 'failed', error: 'No answer from the server' }]);
    list = markPending(list, id);
    expect(list.local).toMatchObject([{ status: 'pending', error: undefined }]);
  });

  it('clears a failed send when the message turns up after all (another tab, a late ack)', () => {
    const id = 'aaaaaaaa-0000-4000-8000-000000000003';
    let list = markFailed(addLocal(emptyList(), local(id)), id, 'timeout');
    list = mergeMessages(list, [message(1, { sender: ALICE, clientMsgId: id })]);
    expect(list.local).toEqual([]);
    expect(seqs(list)).toEqual([1]);
  });

  it('keeps a local message when someone else happens to use the same clientMsgId', () => {
    const id = 'aaaaaaaa-0000-4000-8000-000000000004';
    const list = mergeMessages(addLocal(emptyList(), local(id)), [message(1, { clientMsgId: id })]);
    expect(list.local).toHaveLength(1);
  });
});

describe('addHistoryPage', () => {
  it('puts older history before the live messages and remembers whether more exists', () => {
    let list = mergeMessages(emptyList(true), [message(51), message(52)]);
    list = addHistoryPage(list, { items: [message(49), message(50)], hasMore: false });
    expect(seqs(list)).toEqual([49, 50, 51, 52]);
    expect(list.hasMoreBefore).toBe(false);
  });
});
