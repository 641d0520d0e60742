/** `q` as an ILIKE pattern that matches it literally anywhere (its `\`, `%` and `_` escaped). */
export function likePattern(q: string | undefined): string | null {
  return q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}
