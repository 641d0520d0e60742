import { useEffect, useState } from 'react';
import { mentionAt, type FindMentionables, type Mentionable } from '../logic/mention-query';

export type { FindMentionables };

/** Who matches the `@partial` at the caret, asked as it changes (the latest answer wins). */
export function useMentionSuggestions(
  text: string,
  caret: number,
  find: FindMentionables | undefined,
) {
  const at = find ? mentionAt(text, caret) : undefined;
  const query = at?.query;
  const [found, setFound] = useState<{ query: string; people: Mentionable[] } | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);

  useEffect(() => {
    if (query === undefined || !find) return;
    let current = true;
    find(query).then(
      (people) => current && setFound({ query, people }),
      () => current && setFound({ query, people: [] }),
    );
    return () => {
      current = false;
    };
  }, [query, find]);

  const open =
    at !== undefined &&
    dismissed !== at.start &&
    found !== null &&
    found.query === at.query &&
    found.people.length > 0;
  return {
    at,
    people: open ? found.people : [],
    dismiss: () => setDismissed(at?.start ?? null),
    reset: () => setDismissed(null),
  };
}
