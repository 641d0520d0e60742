import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight-segments';

const join = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe('highlightSegments', () => {
  it('cuts the body into plain and matched pieces', () => {
    expect(
      highlightSegments('see you there', [
        [0, 3],
        [8, 13],
      ]),
    ).toEqual([
      { text: 'see', match: true },
      { text: ' you ', match: false },
      { text: 'there', match: true },
    ]);
  });

  it('no ranges: the whole body, unmarked', () => {
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', match: false }]);
    expect(highlightSegments('', [[0, 3]])).toEqual([]);
  });

  it('indices are UTF-16 units: a match after an emoji', () => {
    const body = '😀 über';
    const segments = highlightSegments(body, [[3, 7]]);
    expect(segments).toEqual([
      { text: '😀 ', match: false },
      { text: 'über', match: true },
    ]);
  });

  it('unsorted, overlapping, touching and out-of-range ranges never lose or repeat text', () => {
    const body = 'abcdefghij';
    const segments = highlightSegments(body, [
      [8, 20],
      [1, 3],
      [2, 5],
      [5, 6],
      [-4, 0],
      [7, 7],
    ]);
    expect(join(segments)).toBe(body);
    expect(segments).toEqual([
      { text: 'a', match: false },
      { text: 'bcdef', match: true },
      { text: 'gh', match: false },
      { text: 'ij', match: true },
    ]);
  });
});
