import { describe, expect, it } from '@jest/globals';
import { MARK_END as E, MARK_START as S, rangesFromHeadline } from './search-highlights.js';

describe('rangesFromHeadline', () => {
  it('turns marked words into ranges of the body', () => {
    expect(rangesFromHeadline('Foo-bar and foo', `${S}Foo${E}-bar and ${S}foo${E}`)).toEqual([
      [0, 3],
      [12, 15],
    ]);
  });

  it('counts UTF-16 units, so text after an emoji or an astral letter lines up', () => {
    const body = '😀 über 𝒳 café';
    const ranges = rangesFromHeadline(body, `😀 ${S}über${E} 𝒳 ${S}café${E}`);
    expect(ranges.map(([a, b]) => body.slice(a, b))).toEqual(['über', 'café']);
  });

  it('merges ranges that touch', () => {
    expect(rangesFromHeadline('ab', `${S}a${E}${S}b${E}`)).toEqual([[0, 2]]);
  });

  it('gives no ranges for a headline that is not the body with marks', () => {
    expect(rangesFromHeadline('hello there', `${S}hello${E}`)).toEqual([]);
    expect(rangesFromHeadline('hello', `${S}hel${S}lo${E}`)).toEqual([]);
    expect(rangesFromHeadline('hello', `${S}hello`)).toEqual([]);
  });

  it('a body holding the mark characters itself is compared with their stand-ins', () => {
    const body = `a${S}b word`;
    expect(rangesFromHeadline(body, `a\uE002b ${S}word${E}`)).toEqual([[4, 8]]);
  });
});
