import { useEffect } from 'react';
import { useThreads } from '../api/threads';

const BASE_TITLE = 'Chat';

/** "(3) Chat" in the tab while private messages wait unread. */
export function useUnreadTitle(enabled: boolean): void {
  const threads = useThreads(enabled);
  const unread = enabled
    ? (threads.data?.items.reduce((sum, thread) => sum + thread.unread, 0) ?? 0)
    : 0;
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${BASE_TITLE}` : BASE_TITLE;
  }, [unread]);
}
