import type { Message } from '@chat/contracts';
import { describe, expect, it } from 'vitest';
import { applyPinChange } from './pins';
import { message } from './test-messages';

const pinned = (seq: number, rev: number, extra: Partial<Message> = {}): Message =>
  message(seq, { rev, pinned: true, ...extra });

describe('applyPinChange', () => {
  it('puts a newly pinned message first', () => {
    const list = { items: [pinned(1, 1)] };
    expect(applyPinChange(list, pinned(2, 5)).items.map((m) => m.seq)).toEqual([2, 1]);
  });

  it('removes an unpinned or deleted message', () => {
    const list = { items: [pinned(1, 1), pinned(2, 2)] };
    expect(applyPinChange(list, pinned(1, 3, { pinned: false })).items.map((m) => m.seq)).toEqual([
      2,
    ]);
    const deleted = pinned(2, 4, { deletedAt: '2026-01-01T00:00:00.000Z' });
    expect(applyPinChange(list, deleted).items.map((m) => m.seq)).toEqual([1]);
  });

  it('replaces an edited pinned message in place and ignores stale changes', () => {
    const list = { items: [pinned(1, 1), pinned(2, 5)] };
    const edited = applyPinChange(list, pinned(2, 6, { body: 'edited' }));
    expect(edited.items.map((m) => [m.seq, m.body])).toEqual([
      [1, list.items[0]!.body],
      [2, 'edited'],
    ]);
    expect(applyPinChange(list, pinned(2, 4, { pinned: false }))).toBe(list);
  });

  it('leaves the list alone for a change of a message it does not hold and that is not pinned', () => {
    const list = { items: [pinned(1, 1)] };
    expect(applyPinChange(list, pinned(3, 9, { pinned: false }))).toBe(list);
  });
});
