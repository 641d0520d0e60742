/**
 * What each path and query parameter means, by name (the schema says its type and limits).
 * `@ApiContract` refuses a parameter that is not described here, so none goes out bare.
 */
export const PARAMETER_DOCS: Record<string, { description: string; example?: unknown }> = {
  id: {
    description: 'Conversation id (a uuid): general, a room or a private thread',
    example: '9b2f6f43-2a41-4c55-8a53-1f0c6f0e7d21',
  },
  slug: {
    description: 'Room slug: the room name lower-cased, other characters as "-"',
    example: 'book-club',
  },
  username: { description: 'Username (case-insensitive)', example: 'ann' },
  before: {
    description:
      'Exclusive cursor: the page of messages just before this `seq` (older ones). Not with `after`',
    example: 51,
  },
  after: {
    description:
      'Exclusive cursor: the page of messages just after this `seq` (newer ones), for catching up. Not with `before`',
    example: 100,
  },
  limit: { description: 'Page size' },
  q: {
    description: 'Search text: usernames and display names (people), names (rooms)',
    example: 'ann',
  },
  sort: { description: 'Room order: `activity` (most recent message first) or `name` (A to Z)' },
  mine: { description: '`true`: only the rooms the signed-in caller belongs to' },
  cursor: { description: 'The `nextCursor` of the previous page' },
};
