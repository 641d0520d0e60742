/** Emitted when a user leaves a room; realtime unsubscribes their sockets from it. */
export const ROOM_MEMBER_LEFT = 'room.member-left';

export interface RoomMemberLeftEvent {
  conversationId: string;
  userId: string;
}
