/** Emitted when a user leaves a room; realtime unsubscribes their sockets from it. */
export const ROOM_MEMBER_LEFT = 'room.member-left';

/** Emitted when an owner deletes a room; realtime unsubscribes every socket from it. */
export const ROOM_DELETED = 'room.deleted';

export interface RoomDeletedEvent {
  conversationId: string;
}

export interface RoomMemberLeftEvent {
  conversationId: string;
  userId: string;
  /** Told to the user's sockets (`conversation:removed`). */
  reason: 'left' | 'kicked' | 'banned';
}
