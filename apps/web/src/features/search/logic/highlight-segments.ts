import type { HighlightRange } from '@chat/contracts';

/** A piece of a message body: matched by the search, or not. */
export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Cuts `body` into plain and matched pieces by the server's `[start, end)` ranges (JavaScript
 * string indices). Ranges are clamped to the body, sorted, and overlapping ones merged, so a
 * bad range can shift a mark but never loses or repeats text: the pieces always join back into
 * the body.
 */
export function highlightSegments(body: string, ranges: readonly HighlightRange[]): Segment[] {
  const clamped = ranges
    .map(([start, end]): HighlightRange => [clamp(start, body.length), clamp(end, body.length)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of clamped) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: body.slice(at, from), match: false });
    const last = segments.at(-1);
    if (last?.match && from === at) last.text += body.slice(from, end);
    else segments.push({ text: body.slice(from, end), match: true });
    at = end;
  }
  if (at < body.length) segments.push({ text: body.slice(at), match: false });
  return segments;
}

function clamp(index: number, length: number): number {
  return Number.isFinite(index) ? Math.min(Math.max(Math.trunc(index), 0), length) : 0;
}
