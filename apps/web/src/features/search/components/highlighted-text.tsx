import type { HighlightRange } from '@chat/contracts';
import { highlightSegments } from '../logic/highlight-segments';

/** A message body as plain text, its matched words in `<mark>` (nothing is parsed as HTML). */
export function HighlightedText({
  body,
  ranges,
  className,
}: {
  body: string;
  ranges: readonly HighlightRange[];
  className?: string;
}) {
  return (
    <span className={className}>
      {highlightSegments(body, ranges).map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </span>
  );
}
