import type { SearchConversation, SearchHit } from '@chat/contracts';

export interface HitGroup {
  conversation: SearchConversation;
  hits: SearchHit[];
}

/**
 * Hits grouped by conversation. Groups come in the order of their newest hit and hits keep
 * the server's order (newest first), so the first group holds the newest match.
 */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    const group = groups.get(hit.conversation.id);
    if (group) group.hits.push(hit);
    else groups.set(hit.conversation.id, { conversation: hit.conversation, hits: [hit] });
  }
  return [...groups.values()];
}

/** The hits in the order they are shown (group by group): arrow keys move through this. */
export function shownOrder(groups: readonly HitGroup[]): SearchHit[] {
  return groups.flatMap((group) => group.hits);
}

/** Where a hit opens: its conversation's page, at the message. Null where the app has no page. */
export function hitPath({ conversation, message }: SearchHit): string | null {
  const anchor = `#message-${message.seq}`;
  switch (conversation.kind) {
    case 'general':
      return `/${anchor}`;
    case 'room':
      return conversation.slug ? `/rooms/${conversation.slug}${anchor}` : null;
    case 'direct':
      return conversation.username ? `/u/${conversation.username}${anchor}` : null;
    case 'group':
      return `/g/${conversation.id}${anchor}`;
    default:
      return null;
  }
}

/** How a conversation is named in the results. */
export function conversationLabel(conversation: SearchConversation): string {
  if (conversation.kind === 'general' || conversation.kind === 'room')
    return `#${conversation.slug ?? conversation.name}`;
  return conversation.name;
}
