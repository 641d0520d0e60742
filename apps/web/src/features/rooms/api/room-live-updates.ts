import { isConversationPresence, type RoomDetails } from '@chat/contracts';
import type { LiveFeature } from '../../../lib/live-updates';
import { roomsKey } from './rooms';

/** The member list's online dots follow the members' watched presence. */
export const roomLiveUpdates: LiveFeature = (queryClient) => ({
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
});
