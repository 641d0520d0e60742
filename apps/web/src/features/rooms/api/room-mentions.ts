import type { ConversationList, Message } from '@chat/contracts';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { readSeqOf } from '../../../lib/read-markers';
import { generalKey, myRoomsKey, useMyRooms } from './rooms';

/**
 * General has no membership, so its mentions are counted here, live, for this session (outside
 * `roomsKey`, whose invalidations would reset it).
 */
const generalMentionsKey = ['mentions', 'general'] as const;

function setMyRooms(
  queryClient: QueryClient,
  change: (room: ConversationList['items'][number]) => ConversationList['items'][number],
): void {
  queryClient.setQueryData<ConversationList>(myRoomsKey, (list) =>
    list ? { ...list, items: list.items.map(change) } : list,
  );
}

function generalId(queryClient: QueryClient): string | undefined {
  return queryClient
    .getQueryData<ConversationList>(generalKey)
    ?.items.find((conversation) => conversation.kind === 'general')?.id;
}

/** General or one of my rooms, if this tab holds it (for notifications' titles and links). */
export function findMyConversation(
  queryClient: QueryClient,
  conversationId: string,
): ConversationList['items'][number] | undefined {
  const lists = [generalKey, myRoomsKey].map((key) =>
    queryClient.getQueryData<ConversationList>(key),
  );
  return lists.flatMap((list) => list?.items ?? []).find((item) => item.id === conversationId);
}

/**
 * A message in one of my rooms while this tab is hidden: one more unread (the open room is
 * joined, so its messages arrive; a visible one is read at once and needs no count).
 */
export function recordRoomMessage(queryClient: QueryClient, message: Message, myId: string): void {
  if (document.visibilityState !== 'hidden') return;
  if (message.kind === 'system' || message.sender.id === myId) return;
  if (message.seq <= readSeqOf(queryClient, message.conversationId)) return;
  setMyRooms(queryClient, (room) =>
    room.id === message.conversationId ? { ...room, unread: (room.unread ?? 0) + 1 } : room,
  );
}

/** A `mention:new` for general or one of my rooms, unless this tab has read past it already. */
export function recordRoomMention(queryClient: QueryClient, message: Message): void {
  const { conversationId } = message;
  if (message.seq <= readSeqOf(queryClient, conversationId)) return;
  if (conversationId === generalId(queryClient)) {
    queryClient.setQueryData<number>(generalMentionsKey, (count) => (count ?? 0) + 1);
    return;
  }
  setMyRooms(queryClient, (room) =>
    room.id === conversationId ? { ...room, mentionCount: (room.mentionCount ?? 0) + 1 } : room,
  );
}

export function useGeneralMentions(): number {
  return (
    useQuery({
      queryKey: generalMentionsKey,
      queryFn: () => 0,
      initialData: 0,
      staleTime: Infinity,
    }).data ?? 0
  );
}

/** For general's view: reading it clears its mention badge. */
export function useGeneralRead(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.setQueryData(generalMentionsKey, 0), [queryClient]);
}

/** A room's unread and mention counts from my rooms (zero until that list is loaded). */
export function useMyRoomCounts(roomId: string | undefined): { unread: number; mentions: number } {
  const rooms = useMyRooms(true);
  const room = rooms.data?.items.find((item) => item.id === roomId);
  return { unread: room?.unread ?? 0, mentions: room?.mentionCount ?? 0 };
}

/** For a room's view: reading it clears its unread and mention counts. */
export function useRoomRead(roomId: string | undefined): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    if (!roomId) return;
    setMyRooms(queryClient, (room) =>
      room.id === roomId ? { ...room, unread: 0, mentionCount: 0 } : room,
    );
  }, [queryClient, roomId]);
}
