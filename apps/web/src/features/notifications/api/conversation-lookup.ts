import type { ConversationKind } from '@chat/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { findMyConversation } from '../../rooms';
import { findThread } from '../../threads';

export interface KnownConversation {
  kind: ConversationKind;
  /** How a notification's title names it ("#design", "Team lunch"). */
  name: string;
  /** Where a click on its notification goes; null where the web app has no page for it yet. */
  path: string | null;
}

/** What this tab's lists know about a conversation: general, my rooms, my threads and groups. */
export function lookUpConversation(
  queryClient: QueryClient,
  conversationId: string,
): KnownConversation | undefined {
  const thread = findThread(queryClient, conversationId);
  if (thread) {
    if (thread.kind === 'direct' && thread.otherUser) {
      const user = thread.otherUser;
      return { kind: 'direct', name: user.displayName, path: `/u/${user.username}` };
    }
    // Groups have no page of their own in the web app yet (issue 18's group UI adds one).
    return { kind: 'group', name: thread.name || 'a group', path: null };
  }
  const conversation = findMyConversation(queryClient, conversationId);
  if (!conversation) return undefined;
  if (conversation.kind === 'general') return { kind: 'general', name: '#general', path: '/' };
  const slug = conversation.slug ?? '';
  return { kind: conversation.kind, name: `#${slug}`, path: `/rooms/${slug}` };
}
