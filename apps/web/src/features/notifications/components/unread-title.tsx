import { useEffect } from 'react';
import { useMutedConversations } from '../../../lib/conversation-mute';
import { useGeneral, useGeneralMentions, useMyRooms } from '../../rooms';
import { useThreads } from '../../threads';
import { titleWithCount, unreadTotal } from '../logic/unread-total';

/**
 * "(3) Chat" in the tab while messages wait unread in my threads, groups and rooms (and mentions
 * in general), muted conversations left out. Its own component so the layout does not re-render.
 */
export function UnreadTitle({ userId }: { userId: string | undefined }) {
  const signedIn = userId !== undefined;
  const threads = useThreads(signedIn);
  const rooms = useMyRooms(signedIn);
  const general = useGeneral();
  const generalMentions = useGeneralMentions();
  const muted = useMutedConversations(userId);
  const count = signedIn
    ? unreadTotal(
        [...(threads.data?.items ?? []), ...(rooms.data?.items ?? [])],
        { id: general.data?.id, mentions: generalMentions },
        muted,
      )
    : 0;
  useEffect(() => {
    document.title = titleWithCount(count);
  }, [count]);
  return null;
}
