import type { ConversationKind } from '@chat/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { findMyConversation } from '../../rooms';
import { findThread, groupTitle } from '../../threads';

export interface KnownConversation {
  kind: ConversationKind;
  /** How a notification's title names it ("#design", "Team lunch"). */
  name: string;
  /** Where a click on its notification goes. */
  path: string;
}

/** What this tab's lists know about a conversation: general, my rooms, my threads and groups. */
export function lookUpConversation(
  queryClient: QueryClient,
  conversationId: string,
  myUserId: string,
): KnownConversation | undefined {
  const thread = findThread(queryClient, conversationId);
  if (thread) {
    if (thread.kind === 'direct' && thread.otherUser) {
      const user = thread.otherUser;
      return { kind: 'direct', name: user.displayName, path: `/u/${user.username}` };
    }
    return { kind: 'group', name: groupTitle(thread, myUserId), path: `/g/${thread.id}` };
  }
  const conversation = findMyConversation(queryClient, conversationId);
  if (!conversation) return undefined;
  if (conversation.kind === 'general') return { kind: 'general', name: '#general', path: '/' };
  const slug = conversation.slug ?? '';
  return { kind: conversation.kind, name: `#${slug}`, path: `/rooms/${slug}` };
}
