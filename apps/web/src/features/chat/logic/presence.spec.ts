import { describe, expect, it } from 'vitest';
import { applyPresenceChange, NOBODY_PRESENT } from './presence';

const conversationId = 'c0000000-0000-4000-8000-000000000000';
const ann = { id: 'a0000000-0000-4000-8000-000000000000', displayName: 'Ann' };
const bob = { id: 'b0000000-0000-4000-8000-000000000000', displayName: 'Bob' };

describe('applyPresenceChange', () => {
  it('adds who came, once, and drops who left', () => {
    const one = applyPresenceChange(NOBODY_PRESENT, {
      conversationId,
      joined: [ann],
      left: [],
      count: 1,
    });
    const two = applyPresenceChange(one, {
      conversationId,
      joined: [bob, ann],
      left: [],
      count: 2,
    });
    expect(two).toEqual({ users: [bob, ann], count: 2 });
    expect(
      applyPresenceChange(two, { conversationId, joined: [], left: [ann.id], count: 1 }),
    ).toEqual({ users: [bob], count: 1 });
  });

  it('takes the count from the frame, beyond the people it lists', () => {
    const crowd = applyPresenceChange(
      { users: [ann], count: 1 },
      { conversationId, joined: [bob], left: [], count: 250 },
    );
    expect(crowd).toEqual({ users: [ann, bob], count: 250 });
  });
});
