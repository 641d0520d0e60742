import { describe, expect, it } from '@jest/globals';
import { contentDisposition, sanitizeFileName } from './file-name.js';

describe('sanitizeFileName', () => {
  it.each([
    ['../../x', 'x'],
    ['C:\\Users\\ann\\report.pdf', 'report.pdf'],
    ['/etc/passwd', 'passwd'],
    ['..', 'file'],
    ['', 'file'],
    [undefined, 'file'],
    ['a\u0000b\u001fc.txt', 'abc.txt'],
    ['invoice\u202egpj.exe', 'invoicegpj.exe'],
    ['  spaced.txt  ', 'spaced.txt'],
    ['e\u0301.txt', 'é.txt'],
  ])('%j → %j', (raw, name) => {
    expect(sanitizeFileName(raw)).toBe(name);
  });

  it('caps the length and keeps the extension', () => {
    const name = sanitizeFileName(`${'😀'.repeat(250)}.jpeg`);
    expect([...name].length).toBe(200);
    expect(name.endsWith('.jpeg')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('has an ASCII fallback and the exact name in RFC 5987 form', () => {
    expect(contentDisposition('attachment', 'naïve "x";.txt')).toBe(
      `attachment; filename="na_ve _x__.txt"; filename*=UTF-8''na%C3%AFve%20%22x%22%3B.txt`,
    );
    expect(contentDisposition('inline', "it's (1).png")).toBe(
      `inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`,
    );
  });
});
