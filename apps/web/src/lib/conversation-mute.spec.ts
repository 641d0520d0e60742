import { afterEach, describe, expect, it } from 'vitest';
import { isMuted, mutedConversations, setMuted } from './conversation-mute';

const ME = 'user-1';
const OTHER = 'user-2';

describe('muted conversations, per account in localStorage', () => {
  afterEach(() => localStorage.clear());

  it('mutes and unmutes one conversation, for one account only', () => {
    setMuted(ME, 'c1', true);
    setMuted(ME, 'c2', true);
    expect(isMuted(ME, 'c1')).toBe(true);
    expect(isMuted(OTHER, 'c1')).toBe(false);
    setMuted(ME, 'c1', false);
    expect(mutedConversations(ME)).toEqual(['c2']);
    expect(JSON.parse(localStorage.getItem(`chat.muted.${ME}`)!)).toEqual(['c2']);
  });

  it('keeps the same list between changes (a stable snapshot) and none without an account', () => {
    setMuted(ME, 'c1', true);
    expect(mutedConversations(ME)).toBe(mutedConversations(ME));
    expect(mutedConversations(undefined)).toBe(mutedConversations(undefined));
    expect(mutedConversations(undefined)).toEqual([]);
  });
});
