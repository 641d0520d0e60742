import { describe, expect, it } from '@jest/globals';
import { AttachmentUrls } from './attachment-urls.js';

const SECRET = 'x'.repeat(32);
const ID = '5e0c7a52-8d0b-4a4e-9f1e-2b6f3c1d9a10';

function parts(url: string) {
  const parsed = new URL(url, 'http://h');
  return { exp: parsed.searchParams.get('exp')!, sig: parsed.searchParams.get('sig')! };
}

describe('AttachmentUrls', () => {
  it('issues URLs valid for between half the lifetime and the lifetime, the same within a window', () => {
    let now = 1_000_000_000_000;
    const urls = new AttachmentUrls(SECRET, 3600, () => now);
    const first = urls.url(ID, 'file');
    const left = Number(parts(first).exp) - now / 1000;
    expect(left).toBeGreaterThan(1800);
    expect(left).toBeLessThanOrEqual(3600);
    now += 1000;
    expect(urls.url(ID, 'file')).toBe(first);
    const { exp, sig } = parts(first);
    expect(urls.verify(ID, 'file', exp, sig)).toBeGreaterThan(0);
    now += 3600_000;
    expect(urls.verify(ID, 'file', exp, sig)).toBeNull();
  });

  it('binds the signature to the id, the variant, the expiry and the secret', () => {
    const now = 1_000_000_000_000;
    const urls = new AttachmentUrls(SECRET, 3600, () => now);
    const { exp, sig } = parts(urls.url(ID, 'file'));
    expect(urls.verify(ID.replace('5e', '5f'), 'file', exp, sig)).toBeNull();
    expect(urls.verify(ID, 'thumb', exp, sig)).toBeNull();
    expect(urls.verify(ID, 'file', String(Number(exp) + 1), sig)).toBeNull();
    const altered = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    expect(urls.verify(ID, 'file', exp, altered)).toBeNull();
    const other = new AttachmentUrls('y'.repeat(32), 3600, () => now);
    expect(other.verify(ID, 'file', exp, sig)).toBeNull();
    expect(urls.verify(ID, 'file', 'soon', sig)).toBeNull();
  });
});
