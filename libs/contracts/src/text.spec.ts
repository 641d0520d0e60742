import { describe, expect, it } from 'vitest';
import { storedText } from './text.js';

describe('storedText', () => {
  const text = storedText().trim().min(1);

  it('keeps ordinary text, emoji and other paired surrogates', () => {
    expect(text.parse(' héllo 👋🏽 ')).toBe('héllo 👋🏽');
  });

  it('refuses NUL and unpaired surrogates, which PostgreSQL cannot store as sent', () => {
    expect(text.safeParse('a\u0000b').success).toBe(false);
    expect(text.safeParse('x\ud800y').success).toBe(false);
    expect(text.safeParse('\udc00').success).toBe(false);
  });
});
