import type { HighlightRange } from '@chat/contracts';

/**
 * `ts_headline` marks the matched words with these two private-use characters. A body that
 * holds them has them replaced (by `MARK_STAND_IN`, same class, same length) before the
 * headline is made, so every mark in the headline is one PostgreSQL put there.
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
export const MARK_STAND_IN = '\uE002';

/** The `ts_headline` options: the whole body, every matched word between the two marks. */
export const HEADLINE_OPTIONS = `HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`;

/**
 * The marked words of a headline as `[start, end)` ranges of JavaScript string indices into
 * `body`. The marks are single UTF-16 units, so an index in the headline minus the marks before
 * it is the index in the body. If the headline is not the body plus marks (it always is with
 * HighlightAll, but this is PostgreSQL's output, not ours), no ranges rather than wrong ones.
 */
export function rangesFromHeadline(body: string, headline: string): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  let plain = '';
  let start: number | null = null;
  for (let i = 0; i < headline.length; i++) {
    const unit = headline[i]!;
    if (unit === MARK_START) {
      if (start !== null) return [];
      start = plain.length;
    } else if (unit === MARK_END) {
      if (start === null) return [];
      if (plain.length > start) ranges.push([start, plain.length]);
      start = null;
    } else {
      plain += unit;
    }
  }
  const standIn = body.replaceAll(MARK_START, MARK_STAND_IN).replaceAll(MARK_END, MARK_STAND_IN);
  if (start !== null || plain !== standIn) return [];
  return mergeAdjacent(ranges);
}

/** Ranges that touch become one (PostgreSQL marks each token, so "e-mail" could come in parts). */
function mergeAdjacent(ranges: HighlightRange[]): HighlightRange[] {
  const merged: HighlightRange[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && last[1] === range[0]) last[1] = range[1];
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
