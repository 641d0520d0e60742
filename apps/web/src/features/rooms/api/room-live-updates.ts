import { isConversationPresence, type ConversationList, type RoomDetails } from '@chat/contracts';
import type { LiveFeature } from '../../../lib/live-updates';
import { recordRoomMention, recordRoomMessage } from './room-mentions';
import { myRoomsKey, removalKey, roomsKey } from './rooms';

export const roomLiveUpdates: LiveFeature = (queryClient, { userId }) => ({
  /** The member list's online dots follow the members' watched presence. */
  'presence:changed': (change) => {
    if (isConversationPresence(change)) return;
    const on = new Set(change.online);
    const off = new Set(change.offline);
    queryClient.setQueriesData<RoomDetails>({ queryKey: [...roomsKey, 'detail'] }, (room) =>
      room
        ? {
            ...room,
            members: room.members.map((member) =>
              on.has(member.user.id) || off.has(member.user.id)
                ? { ...member, user: { ...member.user, online: on.has(member.user.id) } }
                : member,
            ),
          }
        : room,
    );
  },
  /**
   * Out of a room (kicked, banned, left in another tab, deleted): it leaves "My rooms" at once,
   * the open view learns why (useRoomRemoval), and the room's details are asked again.
   */
  'conversation:removed': ({ conversationId, reason }) => {
    queryClient.setQueryData<ConversationList>(myRoomsKey, (list) =>
      list ? { ...list, items: list.items.filter((room) => room.id !== conversationId) } : list,
    );
    queryClient.setQueryData(removalKey(conversationId), reason);
    void queryClient.invalidateQueries({ queryKey: roomsKey, refetchType: 'active' });
  },
  /** A mention of me in general or one of my rooms: its badge counts it. */
  'mention:new': ({ message }) => recordRoomMention(queryClient, message),
  /**
   * A message in a hidden tab counts as unread in my rooms. A room's system lines ("X joined",
   * "X left") say its membership changed: the room's details (header count, member list) and
   * the room lists are asked again.
   */
  'message:new': (message) => {
    if (userId) recordRoomMessage(queryClient, message, userId);
    if (message.kind !== 'system') return;
    void queryClient.invalidateQueries({
      queryKey: roomsKey,
      predicate: (query) => {
        const [, part] = query.queryKey;
        if (part !== 'detail') return part === 'list' || part === 'mine';
        return (query.state.data as RoomDetails | undefined)?.id === message.conversationId;
      },
    });
  },
});
