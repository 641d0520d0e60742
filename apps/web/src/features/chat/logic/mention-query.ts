/** Someone who can be mentioned here. */
export interface Mentionable {
  id: string;
  username: string;
  displayName: string;
}

/** Who `@` offers for a query typed after it. */
export type FindMentionables = (query: string) => Promise<Mentionable[]>;

/** Mentionables from a known list (a room's members, a thread's two people), filtered here. */
export function listMentionables(people: readonly Mentionable[]): FindMentionables {
  return (query) => Promise.resolve(filterMentionables(people, query));
}

/** The `@partial` being typed just before the caret, if any. */
export function mentionAt(
  text: string,
  caret: number,
): { start: number; query: string } | undefined {
  const before = text.slice(0, caret);
  const match = /(^|[^\w.@-])@([a-z0-9_.-]{0,32})$/i.exec(before);
  if (!match) return undefined;
  const query = match[2]!;
  return { start: caret - query.length - 1, query };
}

/** Replaces the `@partial` with the chosen `@username ` and says where the caret goes. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  username: string,
): { text: string; caret: number } {
  const inserted = `@${username} `;
  return {
    text: text.slice(0, start) + inserted + text.slice(caret),
    caret: start + inserted.length,
  };
}

const MAX_SUGGESTIONS = 8;

/** Members matching the query by username or display name, prefix matches first. */
export function filterMentionables(
  people: readonly Mentionable[],
  query: string,
  excludeId?: string,
): Mentionable[] {
  const q = query.toLowerCase();
  const scored = people
    .filter((p) => p.id !== excludeId)
    .map((p) => {
      const username = p.username.toLowerCase();
      const name = p.displayName.toLowerCase();
      const score = username.startsWith(q)
        ? 0
        : name.startsWith(q)
          ? 1
          : username.includes(q) || name.includes(q)
            ? 2
            : -1;
      return { p, score };
    })
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => a.score - b.score || a.p.username.localeCompare(b.p.username));
  return scored.slice(0, MAX_SUGGESTIONS).map((entry) => entry.p);
}
