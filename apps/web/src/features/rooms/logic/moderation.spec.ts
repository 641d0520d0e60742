import { describe, expect, it } from 'vitest';
import { canModerate, memberActions } from './moderation';

describe('memberActions', () => {
  it('gives the owner roles, the hand-over, kick and ban over everyone else', () => {
    expect(memberActions('owner', 'member', false)).toEqual([
      'promote',
      'make-owner',
      'kick',
      'ban',
    ]);
    expect(memberActions('owner', 'moderator', false)).toEqual([
      'demote',
      'make-owner',
      'kick',
      'ban',
    ]);
  });

  it('lets a moderator kick and ban members only', () => {
    expect(memberActions('moderator', 'member', false)).toEqual(['kick', 'ban']);
    expect(memberActions('moderator', 'moderator', false)).toEqual([]);
    expect(memberActions('moderator', 'owner', false)).toEqual([]);
  });

  it('gives members, outsiders and oneself nothing', () => {
    expect(memberActions('member', 'member', false)).toEqual([]);
    expect(memberActions(undefined, 'member', false)).toEqual([]);
    expect(memberActions('owner', 'owner', true)).toEqual([]);
  });
});

describe('canModerate', () => {
  it('is true for moderators and the owner', () => {
    expect(['owner', 'moderator', 'member', undefined].map((r) => canModerate(r as never))).toEqual(
      [true, true, false, false],
    );
  });
});
