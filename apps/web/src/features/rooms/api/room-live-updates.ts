import type { RoomDetails } from '@chat/contracts';
import type { LiveFeature } from '../../../lib/live-updates';
import { roomsKey } from './rooms';

/**
 * A room's system lines ("X joined", "X left") say its membership changed: the room's details
 * (header count, member list) and the room lists are asked again.
 */
export const roomLiveUpdates: LiveFeature = (queryClient) => ({
  'message:new': (message) => {
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
