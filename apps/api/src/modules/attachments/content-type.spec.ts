import { describe, expect, it } from '@jest/globals';
import { looksLikeText } from './content-type.js';

describe('looksLikeText', () => {
  const bytes = (value: string) => new TextEncoder().encode(value);

  it('takes UTF-8 with tabs and newlines as text, a cut last character included', () => {
    expect(looksLikeText(bytes('hello\tworld\r\n'))).toBe(true);
    expect(looksLikeText(bytes('<html><body>hi</body></html>'))).toBe(true);
    expect(looksLikeText(bytes('grüße 😀').subarray(0, -2))).toBe(true);
  });

  it('refuses NUL and other controls, invalid UTF-8 and nothing at all', () => {
    expect(looksLikeText(Uint8Array.from([104, 0, 105]))).toBe(false);
    expect(looksLikeText(bytes('bell\u0007'))).toBe(false);
    expect(looksLikeText(Uint8Array.from([0xff, 0xfe, 0x41]))).toBe(false);
    expect(looksLikeText(new Uint8Array())).toBe(false);
  });
});
