import { describe, expect, it } from 'vitest';
import { groupByDayAndSender } from './grouping';
import { emptyList, mergeMessages } from './message-list';
import { ALICE, BOB, message } from './test-messages';

const at = (iso: string) => ({ createdAt: new Date(iso).toISOString() });

describe('groupByDayAndSender', () => {
  it('groups consecutive messages of one sender and starts a new group for another sender', () => {
    const list = mergeMessages(emptyList(), [
      message(1, { sender: ALICE, ...at('2026-03-02T10:00:00') }),
      message(2, { sender: ALICE, ...at('2026-03-02T10:01:00') }),
      message(3, { sender: BOB, ...at('2026-03-02T10:02:00') }),
      message(4, { sender: ALICE, ...at('2026-03-02T10:03:00') }),
    ]);
    const [day] = groupByDayAndSender(list);
    expect(day!.groups.map((g) => [g.sender.name, g.rows.length])).toEqual([
      ['Alice', 2],
      ['Bob', 1],
      ['Alice', 1],
    ]);
  });

  it('splits by day and after a long pause', () => {
    const list = mergeMessages(emptyList(), [
      message(1, { sender: ALICE, ...at('2026-03-02T23:58:00') }),
      message(2, { sender: ALICE, ...at('2026-03-03T00:01:00') }),
      message(3, { sender: ALICE, ...at('2026-03-03T00:30:00') }),
    ]);
    const days = groupByDayAndSender(list);
    expect(days.map((d) => d.groups.length)).toEqual([1, 2]);
  });

  it('keeps bot messages apart from the same user writing for real', () => {
    const list = mergeMessages(emptyList(), [
      message(1, { sender: ALICE, viaBot: true, ...at('2026-03-02T10:00:00') }),
      message(2, { sender: ALICE, ...at('2026-03-02T10:00:30') }),
    ]);
    expect(groupByDayAndSender(list)[0]!.groups.map((g) => g.viaBot)).toEqual([true, false]);
  });
});
