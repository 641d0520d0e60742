import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { messageListQueryOptions, noticeQueryOptions, presenceQueryOptions } from '../api/messages';
import { useChatRuntime } from '../api/chat-runtime-context';

/** Everything a conversation view shows, kept live while the view is mounted. */
export function useConversation(conversationId: string) {
  const runtime = useChatRuntime();
  const list = useQuery(messageListQueryOptions(conversationId));
  const presence = useQuery(presenceQueryOptions(conversationId));
  const notice = useQuery(noticeQueryOptions(conversationId));

  useEffect(() => runtime?.openConversation(conversationId), [runtime, conversationId]);

  return { runtime, list, presence: presence.data, notice: notice.data };
}
