import { describe, expect, it } from 'vitest';
import { isSingleEmoji } from './messages.js';

describe('isSingleEmoji', () => {
  it.each(['👍', '❤️', '👍🏽', '👩‍👩‍👧‍👦', '🇫🇷', '1️⃣', '🏳️‍🌈'])('accepts %s', (emoji) => {
    expect(isSingleEmoji(emoji)).toBe(true);
  });
  it.each(['', 'a', '👍👍', ':+1:', '👍 ', '1', '🇫'])('refuses %j', (value) => {
    expect(isSingleEmoji(value)).toBe(false);
  });
});
