import type { Message, SearchConversation, SearchHit } from '@chat/contracts';
import { describe, expect, it } from 'vitest';
import { groupHits, hitPath, shownOrder } from './group-hits';

const room: SearchConversation = { id: 'r', kind: 'room', name: 'Book club', slug: 'book-club' };
const general: SearchConversation = { id: 'g', kind: 'general', name: 'General', slug: 'general' };
const direct: SearchConversation = { id: 'd', kind: 'direct', name: 'Ann', username: 'ann' };
const group: SearchConversation = { id: 'x', kind: 'group', name: 'Ann, Bob' };

const hit = (conversation: SearchConversation, seq: number): SearchHit => ({
  conversation,
  message: { id: `${conversation.id}${seq}`, seq } as Message,
  highlights: [],
});

describe('groupHits', () => {
  it('groups by conversation in the order of each one’s newest hit, hits kept in order', () => {
    const hits = [hit(room, 9), hit(general, 8), hit(room, 7), hit(direct, 6), hit(general, 5)];
    const groups = groupHits(hits);
    expect(groups.map((g) => g.conversation.id)).toEqual(['r', 'g', 'd']);
    expect(groups[0]!.hits.map((h) => h.message.seq)).toEqual([9, 7]);
    expect(shownOrder(groups).map((h) => h.message.id)).toEqual(['r9', 'r7', 'g8', 'g5', 'd6']);
  });
});

describe('hitPath', () => {
  it('opens the conversation at the message', () => {
    expect(hitPath(hit(general, 3))).toBe('/#message-3');
    expect(hitPath(hit(room, 4))).toBe('/rooms/book-club#message-4');
    expect(hitPath(hit(direct, 5))).toBe('/u/ann#message-5');
    expect(hitPath(hit(group, 6))).toBe('/g/x#message-6');
  });
});
