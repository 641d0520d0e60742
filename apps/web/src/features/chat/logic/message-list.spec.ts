import { describe, expect, it } from 'vitest';
import {
  addHistoryPage,
  addLocal,
  applyChanges,
  emptyList,
  hasGap,
  lastSeq,
  listFromNewestPage,
  markFailed,
  markPending,
  mergeMessages,
  type LocalMessage,
} from './message-list';
import { ALICE, changed, CONVERSATION_ID, message } from './test-messages';

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

describe('changes to held messages', () => {
  it('replaces a message by id when the change is newer, keeping its place by seq', () => {
    const second = message(2);
    let list = mergeMessages(emptyList(), [message(1), second, message(3)]);
    const edited = changed(second, 4, { body: 'fixed', editedAt: '2026-01-01T12:01:00.000Z' });
    list = mergeMessages(list, [edited]);
    expect(list.messages.map((m) => m.body)).toEqual(['message 1', 'fixed', 'message 3']);
    expect(lastSeq(list)).toBe(4);
  });

  it('keeps the newer state when an older change arrives late', () => {
    const first = message(1);
    const deleted = changed(first, 3, { body: '', deletedAt: '2026-01-01T12:02:00.000Z' });
    const edited = changed(first, 2, { body: 'edited' });
    const list = mergeMessages(mergeMessages(emptyList(), [first, deleted]), [edited]);
    expect(list.messages).toEqual([deleted]);
    expect(lastSeq(list)).toBe(3);
  });

  it('takes the newest of two states of one message inside one batch', () => {
    const first = message(1);
    const list = mergeMessages(emptyList(), [changed(first, 3, { body: 'b' }), changed(first, 2)]);
    expect(list.messages.map((m) => m.body)).toEqual(['b']);
  });
});

describe('the catch-up cursor', () => {
  it('moves only over contiguous change numbers and reports a gap past lastSeq + 1', () => {
    let list = mergeMessages(emptyList(), [message(1), message(2)]);
    expect(hasGap(list)).toBe(false);
    list = mergeMessages(list, [message(5)]);
    expect(seqs(list)).toEqual([1, 2, 5]); // shown at once…
    expect(lastSeq(list)).toBe(2); // …but the cursor waits for 3 and 4
    expect(hasGap(list)).toBe(true);
    list = mergeMessages(list, [changed(list.messages[0]!, 4, { body: 'edit' })]);
    expect(lastSeq(list)).toBe(2);
    list = mergeMessages(list, [message(3)]);
    expect(lastSeq(list)).toBe(5);
    expect(hasGap(list)).toBe(false);
  });

  it('jumps to where a complete run of changes reaches, however few messages it holds', () => {
    let list = mergeMessages(emptyList(), [message(1), message(2), message(9)]);
    expect(lastSeq(list)).toBe(2);
    // Changes 3..10: messages 3..8 were sent and then edited again or belong elsewhere; what is
    // left of them is the edit of 1 at 10. Everything through 10 is reflected now.
    list = applyChanges(list, [changed(list.messages[0]!, 10, { body: 'again' })], 10);
    expect(lastSeq(list)).toBe(10);
    expect(hasGap(list)).toBe(false);
    expect(list.messages[0]?.body).toBe('again');
  });

  it('starts from the newest rev of the first page, edits of older messages included', () => {
    const list = listFromNewestPage({
      items: [message(51), changed(message(52), 60), message(59)],
      hasMore: true,
    });
    expect(lastSeq(list)).toBe(60);
    expect(list.hasMoreBefore).toBe(true);
  });

  it('does not move for older history, which was read later than the cursor', () => {
    let list = listFromNewestPage({ items: [message(51), message(52)], hasMore: true });
    list = addHistoryPage(list, { items: [changed(message(50), 70)], hasMore: true });
    expect(seqs(list)).toEqual([50, 51, 52]);
    expect(lastSeq(list)).toBe(52);
  });

  it('leaves out a changed message older than the loaded window, so no hole opens', () => {
    let list = listFromNewestPage({ items: [message(51), message(52)], hasMore: true });
    list = mergeMessages(list, [changed(message(10), 53, { body: 'old edit' })]);
    expect(seqs(list)).toEqual([51, 52]);
    expect(lastSeq(list)).toBe(53);
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
