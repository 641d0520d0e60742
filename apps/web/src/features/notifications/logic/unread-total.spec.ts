import { describe, expect, it } from 'vitest';
import { titleWithCount, unreadTotal } from './unread-total';

describe('the tab title count', () => {
  const lists = [
    { id: 'thread-1', unread: 2, mentionCount: 1 },
    { id: 'group-1', unread: 0, mentionCount: 1 },
    { id: 'room-1', unread: 3, mentionCount: 0 },
  ];

  it('adds up threads, groups and rooms, and the mentions in general', () => {
    expect(unreadTotal(lists, { id: 'general', mentions: 2 }, [])).toBe(8);
    expect(titleWithCount(8)).toBe('(8) Chat');
    expect(titleWithCount(0)).toBe('Chat');
  });

  it('leaves muted conversations out, general too', () => {
    expect(unreadTotal(lists, { id: 'general', mentions: 2 }, ['room-1', 'general'])).toBe(3);
  });
});
